import type { Migration } from '../migration';

/** PLACEHOLDER (to be written by its owner): catalog forms, life events and the pinyin search index. */
export const migration0006: Migration = {
  version: 6,
  name: 'catalog-search',
  up() {},
};

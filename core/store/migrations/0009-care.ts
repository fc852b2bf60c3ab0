import type { Migration } from '../migration';

/** PLACEHOLDER (to be written by its owner): ratings, help requests, cached rating options and service map. */
export const migration0009: Migration = {
  version: 9,
  name: 'care',
  up() {},
};

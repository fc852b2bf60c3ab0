import type { Migration } from '../migration';

/** PLACEHOLDER (to be written by its owner): applications, their materials, and binary outbox bodies. */
export const migration0007: Migration = {
  version: 7,
  name: 'applications',
  up() {},
};

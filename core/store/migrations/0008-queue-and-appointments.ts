import type { Migration } from '../migration';

/** PLACEHOLDER (to be written by its owner): reserved ticket ranges, issued tickets, queue cache. */
export const migration0008: Migration = {
  version: 8,
  name: 'queue-and-appointments',
  up() {},
};

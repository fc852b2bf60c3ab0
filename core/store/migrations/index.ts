import type { Migration } from '../migration';
import { migration0001 } from './0001-catalog';
import { migration0002 } from './0002-catalog-sync-state';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration0001, migration0002];

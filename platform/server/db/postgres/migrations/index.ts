import type { PostgresMigration } from '../migration';
import { postgresMigration0001 } from './0001-terminals-and-idempotency';
import { postgresMigration0002 } from './0002-published-documents';
import { postgresMigration0003 } from './0003-materials';
import { postgresMigration0004 } from './0004-terminal-reports';
import { postgresMigration0005 } from './0005-resident-services';
import { postgresMigration0006 } from './0006-sealed-personal-data';
import { postgresMigration0007 } from './0007-console-users';
import { postgresMigration0008 } from './0008-fleet';
import { postgresMigration0009 } from './0009-station-staff';
import { postgresMigration0010 } from './0010-county-scale';
import { postgresMigration0011 } from './0011-video-help';

/**
 * Every PostgreSQL migration in order; version N matches db/migrations/ version N on SQLite.
 * Append new ones together with their SQLite twin; never edit or reorder a released one.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  postgresMigration0001,
  postgresMigration0002,
  postgresMigration0003,
  postgresMigration0004,
  postgresMigration0005,
  postgresMigration0006,
  postgresMigration0007,
  postgresMigration0008,
  postgresMigration0009,
  postgresMigration0010,
  postgresMigration0011,
];

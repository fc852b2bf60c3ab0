import type { Migration } from '../migration';
import { migration0001 } from './0001-terminals-and-idempotency';
import { migration0002 } from './0002-published-documents';
import { migration0003 } from './0003-materials';
import { migration0004 } from './0004-terminal-reports';
import { migration0005 } from './0005-resident-services';
import { migration0006 } from './0006-sealed-personal-data';
import { migration0007 } from './0007-console-users';
import { migration0008 } from './0008-fleet';
import { migration0009 } from './0009-station-staff';
import { migration0010 } from './0010-county-scale';
import { migration0011 } from './0011-video-help';

/** Every migration, in order. Append new ones; never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];

import type { Migration } from '../migration';
import { migration0001 } from './0001-catalog';
import { migration0002 } from './0002-catalog-sync-state';
import { migration0003 } from './0003-print-jobs';
import { migration0004 } from './0004-outbox';
import { migration0005 } from './0005-technician';
import { migration0006 } from './0006-catalog-search';
import { migration0007 } from './0007-applications';
import { migration0008 } from './0008-queue-and-appointments';
import { migration0009 } from './0009-care';
import { migration0010 } from './0010-sealed-outbox-and-retention';
import { migration0011 } from './0011-catalog-aliases-and-search-terms';
import { migration0012 } from './0012-matter-usage';
import { migration0013 } from './0013-work-calendar-document';
import { migration0014 } from './0014-scanner-test';
import { migration0015 } from './0015-paper-use';
import { migration0016 } from './0016-fleet-reporting';
import { migration0017 } from './0017-media-device-tests';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
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
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];

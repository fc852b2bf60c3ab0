import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RetentionConfig } from '../../kiosk-config/schema';
import { EMULATED_PRINTER_FOLDER } from '../devices/build-printer';
import type { Logger } from '../logging/logger';
import type { DataSealer } from '../outbox/data-sealer';
import { purgeOldFiles } from './purge-files';
import { purgeDelivered, type StorePurgeReport } from './purge-store';

const DAY_MS = 24 * 60 * 60_000;

export interface RetentionDeps {
  readonly db: Database.Database;
  readonly sealer: DataSealer;
  readonly policy: RetentionConfig;
  readonly dataDir: string;
  /** The rolling log files' folder; null when logging to files is off. */
  readonly logDir: string | null;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface RetentionReport extends StorePurgeReport {
  readonly printerFiles: number;
  readonly logFiles: number;
  /** WAL frames left after the checkpoint: 0 when nothing held the WAL open. */
  readonly walFramesLeft: number;
  readonly ms: number;
}

const RECEIPT_FILE = /^receipt-\d+\.(?:txt|png)$/;
/** pino-roll's names: kiosk.1.log, kiosk.2.log … (core/logging/logger.ts). */
const LOG_FILE = /^kiosk\.\d+\.log$/;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * One purge: delivered records past `deliveredDays`, the emulated printer's files past
 * `printerOutputDays`, log files past `logDays`; then the WAL is checkpointed and truncated, so
 * the deleted rows' old pages do not linger in kiosk.sqlite-wal either.
 */
export function runRetention(deps: RetentionDeps): RetentionReport {
  const started = performance.now();
  const now = deps.now();
  const store = purgeDelivered(deps.db, deps.sealer, daysBefore(now, deps.policy.deliveredDays));
  const printerFiles = purgeOldFiles(join(deps.dataDir, EMULATED_PRINTER_FOLDER), {
    olderThan: daysBefore(now, deps.policy.printerOutputDays),
    match: RECEIPT_FILE,
  });
  const logFiles =
    deps.logDir === null
      ? 0
      : purgeOldFiles(deps.logDir, {
          olderThan: daysBefore(now, deps.policy.logDays),
          match: LOG_FILE,
          keepNewest: true,
        });
  const [checkpoint] = deps.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>;
  return {
    ...store,
    printerFiles,
    logFiles,
    walFramesLeft: checkpoint?.log ?? 0,
    ms: Math.round(performance.now() - started),
  };
}

export interface RetentionLoop {
  stop(): void;
}

/**
 * Purges now (at start) and then every `intervalMs` (a day). A failure (a disk error) is logged
 * and tried again at the next round; it never stops the kiosk.
 */
export function startRetentionLoop(deps: RetentionDeps, options: { readonly intervalMs?: number } = {}): RetentionLoop {
  const intervalMs = options.intervalMs ?? DAY_MS;
  const log = deps.logger.child({ component: 'retention' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const round = () => {
    try {
      const report = runRetention(deps);
      log.info({ ...report, policy: deps.policy }, 'retention purge done');
    } catch (error) {
      log.error({ err: error }, 'retention purge failed; trying again at the next round');
    }
    if (stopped) return;
    timer = setTimeout(round, intervalMs);
    timer.unref?.();
  };
  round();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

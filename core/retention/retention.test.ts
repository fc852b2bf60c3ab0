import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { enqueue, markSent } from '../outbox/outbox-store';
import { sampleInspectionReport, testSealer } from '../testing/outbox';
import type { Store } from '../store/open';
import { openDiskStore } from '../testing/disk-store';
import { purgeOldFiles } from './purge-files';
import { runRetention, startRetentionLoop, type RetentionDeps } from './retention';

const DAY = 24 * 60 * 60_000;
const NOW = new Date('2026-12-31T08:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let disk: ReturnType<typeof openDiskStore>;
let dir: string;
let store: Store;
beforeEach(() => {
  disk = openDiskStore('kiosk-retention-');
  ({ dir, store } = disk);
});
afterEach(() => disk.close());

function file(path: string, writtenDaysAgo: number) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const when = ago(writtenDaysAgo);
  utimesSync(path, when, when);
}

const deps = (overrides: Partial<RetentionDeps> = {}): RetentionDeps => ({
  db: store.db,
  sealer: testSealer(),
  policy: { deliveredDays: 30, printerOutputDays: 1, logDays: 14 },
  dataDir: dir,
  logDir: join(dir, 'logs'),
  now: () => NOW,
  logger: silentLogger(),
  ...overrides,
});

describe('purgeOldFiles', () => {
  it('deletes matching files written before the cutoff and nothing else', () => {
    const out = join(dir, 'emulated-printer');
    file(join(out, 'receipt-0001.txt'), 3);
    file(join(out, 'receipt-0001.png'), 3);
    file(join(out, 'receipt-0002.txt'), 0);
    file(join(out, 'notes.txt'), 30);
    expect(purgeOldFiles(out, { olderThan: ago(1), match: /^receipt-\d+\.(?:txt|png)$/ })).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'receipt-0002.txt']);
    expect(purgeOldFiles(join(dir, 'missing'), { olderThan: ago(1), match: /x/ })).toBe(0);
  });

  it('keeps the newest match whatever its age (the log file being written)', () => {
    const logs = join(dir, 'logs');
    file(join(logs, 'kiosk.1.log'), 40);
    file(join(logs, 'kiosk.2.log'), 20);
    expect(purgeOldFiles(logs, { olderThan: ago(14), match: /^kiosk\.\d+\.log$/, keepNewest: true })).toBe(1);
    expect(readdirSync(logs)).toEqual(['kiosk.2.log']);
  });
});

const inspection = (n: number) =>
  ({
    kind: 'inspection',
    operation: 'postInspection',
    params: { terminalId: 'T-01' },
    body: sampleInspectionReport({ notes: `report ${n}` }),
  }) as const;

describe('runRetention', () => {
  it('purges records, receipts and logs by the policy, then truncates the WAL', () => {
    const sealer = testSealer();
    const old = enqueue(store.db, sealer, inspection(1), ago(40));
    markSent(store.db, old.id, {}, ago(31));
    const recent = enqueue(store.db, sealer, inspection(2), ago(40));
    markSent(store.db, recent.id, {}, ago(29));
    file(join(dir, 'emulated-printer', 'receipt-0001.txt'), 2);
    file(join(dir, 'emulated-printer', 'receipt-0002.txt'), 0);
    file(join(dir, 'logs', 'kiosk.1.log'), 15);
    file(join(dir, 'logs', 'kiosk.2.log'), 0);

    const report = runRetention(deps());
    expect(report).toMatchObject({ outboxRows: 1, printerFiles: 1, logFiles: 1, walFramesLeft: 0 });
    expect(store.db.prepare('SELECT id FROM outbox').pluck().all()).toEqual([recent.id]);
    expect(statSync(join(dir, 'kiosk.sqlite-wal')).size).toBe(0);
    expect(readdirSync(join(dir, 'emulated-printer'))).toEqual(['receipt-0002.txt']);
    expect(readdirSync(join(dir, 'logs'))).toEqual(['kiosk.2.log']);
  });

  it('purges at once with deliveredDays 0', () => {
    const item = enqueue(store.db, testSealer(), inspection(3), NOW);
    markSent(store.db, item.id, {}, new Date(NOW.getTime() - 1));
    expect(runRetention(deps({ policy: { deliveredDays: 0, printerOutputDays: 0, logDays: 1 } })).outboxRows).toBe(1);
  });
});

describe('startRetentionLoop', () => {
  it('purges at start and then each interval, until stopped; a failure is logged, not thrown', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
          done();
        },
      }),
    );
    let rounds = 0;
    const loop = startRetentionLoop(
      deps({
        logger,
        now: () => {
          rounds += 1;
          if (rounds === 2) throw new Error('disk I/O error');
          return NOW;
        },
      }),
      { intervalMs: 20 },
    );
    expect(rounds).toBe(1); // at start, before startRetentionLoop returned
    for (let waited = 0; rounds < 3 && waited < 5_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    loop.stop();
    const stoppedAt = rounds;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rounds).toBe(stoppedAt);
    expect(lines.filter((line) => line['msg'] === 'retention purge done').length).toBe(stoppedAt - 1);
    expect(lines.find((line) => String(line['msg']).startsWith('retention purge failed'))).toMatchObject({ level: 50 });
  });
});

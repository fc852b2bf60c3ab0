import { chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, markDeadLetter } from '../../../core/outbox/outbox-store';
import { openDiskStore } from '../../../core/testing/disk-store';
import { sampleInspectionReport, testSealer } from '../../../core/testing/outbox';
import { outboxResult, readOutboxSummary, STORE_FILE } from './outbox-check';

const sealer = testSealer();
const t0 = new Date('2026-11-21T08:00:00.000Z');
const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);
const inspection = (notes: string) =>
  ({
    kind: 'inspection',
    operation: 'postInspection',
    params: { terminalId: 'T-01' },
    body: sampleInspectionReport({ notes }),
  }) as const;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function diskStore() {
  const opened = openDiskStore('doctor-outbox-');
  cleanup = () => opened.close();
  return opened;
}

describe('outbox check', () => {
  it('passes on an empty outbox read beside the running writer', () => {
    const { dir } = diskStore();
    const read = readOutboxSummary(dir);
    expect(read).toEqual({
      ok: true,
      value: { pending: 0, deadLetters: 0, oldestPendingAt: null, deadLetterKinds: {} },
    });
    expect(outboxResult(read, t0, join(dir, STORE_FILE), true).status).toBe('pass');
  });

  it('warns on a pending item older than a day and on dead letters, printing counts and kinds only', () => {
    const { dir, store } = diskStore();
    enqueue(store.db, sealer, inspection('secret note 370784199006010024'), t0);
    const refused = enqueue(store.db, sealer, inspection('second'), hours(1));
    markDeadLetter(store.db, refused.id, 'idNumber 370784199006010024 refused');
    const result = outboxResult(readOutboxSummary(dir), hours(25), join(dir, STORE_FILE), true);
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('待上报 1 条，上报失败（死信）1 条');
    expect(result.detail).toContain('25 小时');
    expect(result.detail).toContain('inspection 1');
    expect(JSON.stringify(result)).not.toMatch(/370784|secret/);
  });

  it('passes a fresh pending item', () => {
    const { dir, store } = diskStore();
    enqueue(store.db, sealer, inspection('one'), t0);
    expect(outboxResult(readOutboxSummary(dir), hours(2), join(dir, STORE_FILE), true).status).toBe('pass');
  });

  it('skips before the first start and creates no database', () => {
    const { dir, store } = diskStore();
    store.close();
    const empty = join(dir, 'nothing-here');
    const read = readOutboxSummary(empty);
    expect(read).toEqual({ ok: false, error: { kind: 'missing' } });
    expect(outboxResult(read, t0, join(empty, STORE_FILE), true).status).toBe('skip');
  });

  it.skipIf(process.getuid?.() !== 0)(
    "run as root with the service stopped, leaves the -wal and -shm it makes owned by the store's owner",
    () => {
      const { dir, store } = diskStore();
      store.close();
      const nobody = 65534;
      for (const name of readdirSync(dir)) chownSync(join(dir, name), nobody, nobody);
      expect(readOutboxSummary(dir).ok).toBe(true);
      const sidecars = readdirSync(dir).filter((name) => /-(wal|shm)$/.test(name));
      expect(sidecars.length).toBeGreaterThan(0);
      for (const name of sidecars) expect(statSync(join(dir, name)).uid).toBe(nobody);
    },
  );
});

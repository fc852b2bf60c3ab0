import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { startOutboxDelivery, type OutboxDelivery } from './delivery';
import { enqueue, getOutboxItem } from './outbox-store';
import { sampleInspectionReport, testSealer } from '../testing/outbox';
import { memoryStore } from '../testing/memory-store';

/**
 * The outbox against the real reference platform over HTTP, with its fault injection: nothing
 * here is faked. The platform's own SQLite is read to count what it stored.
 */
const TERMINAL = 'KIOSK-OUTBOX-01';
const TOKEN = 'outbox-test-token-0123456789';

let dir: string;
let platform: EmbeddedPlatform;
let db: Database.Database;
let delivery: OutboxDelivery | null;
let logLines: string[];
let changes: number;
const sealer = testSealer();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-outbox-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: TERMINAL, token: TOKEN, stationId: 'TEST-STATION' }],
  });
  db = memoryStore();
  logLines = [];
  changes = 0;
  delivery = null;
});

afterEach(async () => {
  await delivery?.stop();
  await platform.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function startDelivery(): OutboxDelivery {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  delivery = startOutboxDelivery({
    db,
    platform: { baseUrl: platform.baseUrl, token: TOKEN, timeoutMs: 3_000 },
    logger: pino({ level: 'debug' }, sink),
    now: () => new Date(),
    sealer,
    onChange: () => (changes += 1),
  });
  return delivery;
}

/** The reports the platform stored, in the order they arrived (their bodies are sealed there). */
function storedInspections(): Array<{ inspection_id: string }> {
  const platformDb = new Database(join(dir, 'platform.sqlite'), { readonly: true });
  try {
    return platformDb.prepare('SELECT inspection_id FROM inspections ORDER BY seq').all() as Array<{
      inspection_id: string;
    }>;
  } finally {
    platformDb.close();
  }
}

const enqueueInspection = (notes: string) =>
  db.transaction(() =>
    enqueue(db, sealer, {
      kind: 'inspection',
      operation: 'postInspection',
      params: { terminalId: TERMINAL },
      body: sampleInspectionReport({ notes }),
    }),
  )();

/** A row as every version of the kiosk has stored it: method, path and the sealed JSON text. */
function storedByPath(method: 'POST' | 'PUT', path: string, body: unknown): number {
  const at = new Date().toISOString();
  const info = db
    .prepare(
      `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, content_type, sealed, created_at,
         next_attempt_at)
       VALUES ('old', ?, ?, ?, 'null', ?, NULL, 1, ?, ?)`,
    )
    .run(randomUUID(), method, path, sealer.seal(Buffer.from(JSON.stringify(body), 'utf8')), at, at);
  return Number(info.lastInsertRowid);
}

describe('outbox delivery with the reference platform', { timeout: 20_000 }, () => {
  it('an inspection enqueued during an outage arrives exactly once after recovery', async () => {
    const outbox = startDelivery();
    platform.faults.update({ outage: true });
    const { id } = enqueueInspection('during outage');

    await outbox.kick();
    expect(getOutboxItem(db, id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(getOutboxItem(db, id)?.lastError).toMatch(/unreachable/);
    expect(outbox.summary()).toMatchObject({ pending: 1, deadLetters: 0 });
    await outbox.kick();
    expect(getOutboxItem(db, id)?.attempts).toBe(2);
    expect(storedInspections()).toHaveLength(0);

    platform.faults.update({ outage: false });
    await outbox.kick();
    const item = getOutboxItem(db, id);
    expect(item).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(item?.response).toMatchObject({ inspectionId: expect.stringMatching(/^INSP-\d{8}-\d{4}$/) });
    expect(storedInspections()).toHaveLength(1);
    expect(outbox.summary()).toEqual({ pending: 0, deadLetters: 0, oldestPendingAt: null });
    expect(changes).toBeGreaterThanOrEqual(3);

    await outbox.kick();
    expect(storedInspections()).toHaveLength(1);
  });

  it('an answer dropped after the platform committed is retried with the same key: one stored report', async () => {
    const outbox = startDelivery();
    platform.faults.update({ dropAfterCommitRate: 1 });
    const { id } = enqueueInspection('answer dropped');

    await outbox.kick();
    expect(getOutboxItem(db, id)?.state).toBe('pending');
    expect(platform.faults.state().counters.dropped).toBe(1);
    expect(storedInspections()).toHaveLength(1);

    platform.faults.update({ dropAfterCommitRate: 0 });
    await outbox.kick();
    const item = getOutboxItem(db, id);
    expect(item?.state).toBe('sent');
    const stored = storedInspections();
    expect(stored).toHaveLength(1);
    expect(item?.response).toMatchObject({ inspectionId: stored[0]?.inspection_id });
  });

  it('retries 503s from an overloaded platform, then delivers in order', async () => {
    const outbox = startDelivery();
    platform.faults.update({ errorRate: 1 });
    const first = enqueueInspection('first');
    const second = enqueueInspection('second');

    await outbox.kick();
    expect(getOutboxItem(db, first.id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(getOutboxItem(db, first.id)?.lastError).toMatch(/503/);
    // The head backs off and the item behind it waits: the queue drains in order.
    expect(getOutboxItem(db, second.id)?.attempts).toBe(0);

    platform.faults.update({ errorRate: 0 });
    await outbox.kick();
    expect(getOutboxItem(db, first.id)?.state).toBe('sent');
    expect(getOutboxItem(db, second.id)?.state).toBe('sent');
    // The platform numbered them as they arrived: first, then second.
    const answered = (id: number) => (getOutboxItem(db, id)?.response as { inspectionId: string }).inspectionId;
    expect(storedInspections().map((row) => row.inspection_id)).toEqual([answered(first.id), answered(second.id)]);
  });

  it("keeps a refused item as a dead letter with the platform's error, lets the rest through, and retries it on request", async () => {
    const outbox = startDelivery();
    const refused = db.transaction(() =>
      enqueue(db, sealer, {
        kind: 'inspection',
        operation: 'postInspection',
        params: { terminalId: TERMINAL },
        // Off the contract on purpose: the platform's refusal is what this test is about.
        body: { not: 'a report' } as never,
      }),
    )();
    const fine = enqueueInspection('behind a bad one');

    await outbox.kick();
    const dead = getOutboxItem(db, refused.id);
    expect(dead?.state).toBe('deadLetter');
    expect(dead?.lastError).toMatch(/platform answered 4\d\d/);
    expect(getOutboxItem(db, fine.id)?.state).toBe('sent');
    expect(outbox.summary()).toMatchObject({ pending: 0, deadLetters: 1 });
    expect(outbox.list(10).map((item) => [item.id, item.state])).toEqual([
      [refused.id, 'deadLetter'],
      [fine.id, 'sent'],
    ]);

    expect(await outbox.retryAll()).toEqual({ revived: 1 });
    // The platform stored its answer under the key: the retry gets the same refusal, not a new report.
    expect(getOutboxItem(db, refused.id)).toMatchObject({ state: 'deadLetter', attempts: 2 });
    expect(storedInspections()).toHaveLength(1);
  });

  it('sends a row queued before the upgrade, stored by path, and parses the answer with its operation', async () => {
    const outbox = startDelivery();
    const id = storedByPath('POST', `/terminals/${TERMINAL}/inspections`, sampleInspectionReport({ notes: 'old row' }));
    await outbox.kick();
    expect(getOutboxItem(db, id)).toMatchObject({ state: 'sent', response: { inspectionId: expect.any(String) } });
    expect(storedInspections()).toHaveLength(1);
  });

  it('sends a PUT to a path the contract does not know once and dead-letters the 404', async () => {
    const outbox = startDelivery();
    const id = storedByPath('PUT', '/no-such-thing', {});
    await outbox.kick();
    expect(getOutboxItem(db, id)?.state).toBe('deadLetter');
  });

  it('logs which item and why, never the body', async () => {
    const outbox = startDelivery();
    platform.faults.update({ outage: true });
    enqueueInspection('SECRET-BODY-MARKER');
    await outbox.kick();
    platform.faults.update({ outage: false });
    await outbox.kick();
    const log = logLines.join('');
    expect(log).toContain('outbox item delivered');
    expect(log).toContain('will retry');
    expect(log).not.toContain('SECRET-BODY-MARKER');
    expect(log).not.toContain('李工');
  });

  it('never rejects, even when the store is gone', async () => {
    const outbox = startDelivery();
    enqueueInspection('x');
    db.close();
    await expect(outbox.kick()).resolves.toBeUndefined();
    db = new Database(':memory:');
  });
});

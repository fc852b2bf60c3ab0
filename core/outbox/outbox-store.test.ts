import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  enqueue,
  getOutboxItem,
  listOutbox,
  makeAllDue,
  markDeadLetter,
  markRetry,
  markSent,
  oldestPending,
  outboxSummary,
} from './outbox-store';
import { sampleInspectionReport, testSealer } from '../testing/outbox';
import { memoryStore } from '../testing/memory-store';

let db: Database.Database;
const sealer = testSealer();
const t0 = new Date('2026-11-21T08:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const request = (n: number) =>
  ({
    kind: 'inspection',
    operation: 'postInspection',
    params: { terminalId: 'T-01' },
    body: sampleInspectionReport({ notes: `report ${n}` }),
  }) as const;

beforeEach(() => {
  db = memoryStore({ at: t0.toISOString() });
});

describe('outbox store', () => {
  it("enqueues inside the caller's transaction: a rollback leaves no outbox row", () => {
    expect(() =>
      db.transaction(() => {
        enqueue(db, sealer, request(1), t0);
        throw new Error('the business row failed');
      })(),
    ).toThrow('the business row failed');
    expect(outboxSummary(db)).toEqual({ pending: 0, deadLetters: 0, oldestPendingAt: null });

    const { id, idempotencyKey } = db.transaction(() => enqueue(db, sealer, request(2), t0))();
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const item = getOutboxItem(db, id);
    expect(item).toMatchObject({
      state: 'pending',
      attempts: 0,
      body: 'null',
      stored: { kind: 'bytes', contentType: null, sealed: true },
      nextAttemptAt: t0.toISOString(),
      createdAt: t0.toISOString(),
    });
  });

  it('stores the method and path of the operation, filled in', () => {
    const { id } = enqueue(db, sealer, { ...request(1), params: { terminalId: 'T 01' } }, t0);
    expect(getOutboxItem(db, id)).toMatchObject({ method: 'POST', path: '/terminals/T%2001/inspections' });
  });

  it('stores every body sealed: the JSON text opens with the data key only', () => {
    const body = sampleInspectionReport({ notes: '赵六 13912345678' });
    const { id } = enqueue(db, sealer, { ...request(1), body }, t0);
    const row = db.prepare('SELECT body, body_blob FROM outbox WHERE id = ?').get(id) as {
      body: string;
      body_blob: Buffer;
    };
    expect(row.body).toBe('null');
    expect(row.body_blob.includes(Buffer.from('13912345678'))).toBe(false);
    expect(row.body_blob.includes(Buffer.from('赵六'))).toBe(false);
    expect(sealer.open(row.body_blob).toString('utf8')).toBe(JSON.stringify(body));
    markSent(db, id, { ok: true }, later(1));
    // Once the platform has it, the bytes are gone from the kiosk.
    expect(db.prepare('SELECT length(body_blob) FROM outbox WHERE id = ?').pluck().get(id)).toBe(0);
  });

  it('keeps no ID or phone number in a stored failure', () => {
    const a = enqueue(db, sealer, request(1), t0);
    const b = enqueue(db, sealer, request(2), t0);
    markRetry(db, a.id, 'platform answered 422: phone 13912345678 is not valid', later(1));
    markDeadLetter(db, b.id, 'idNumber 370784199006010024 refused');
    expect(getOutboxItem(db, a.id)?.lastError).toBe('platform answered 422: phone [redacted] is not valid');
    expect(getOutboxItem(db, b.id)?.lastError).toBe('idNumber [redacted] refused');
  });

  it('gives every item its own key', () => {
    const keys = new Set(Array.from({ length: 50 }, (_, i) => enqueue(db, sealer, request(i), t0).idempotencyKey));
    expect(keys.size).toBe(50);
  });

  it('works on the oldest pending item; sent and dead letters leave the queue', () => {
    const a = enqueue(db, sealer, request(1), t0);
    const b = enqueue(db, sealer, request(2), later(1));
    const c = enqueue(db, sealer, request(3), later(2));
    expect(oldestPending(db)?.id).toBe(a.id);

    markSent(db, a.id, { ok: true }, later(10));
    markDeadLetter(db, b.id, 'platform answered 422');
    markRetry(db, c.id, 'platform unreachable: ECONNREFUSED', later(5_000));

    expect(getOutboxItem(db, a.id)).toMatchObject({ state: 'sent', response: { ok: true }, attempts: 1 });
    expect(getOutboxItem(db, b.id)).toMatchObject({ state: 'deadLetter', lastError: 'platform answered 422' });
    expect(getOutboxItem(db, c.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: later(5_000).toISOString(),
    });
    expect(outboxSummary(db)).toEqual({ pending: 1, deadLetters: 1, oldestPendingAt: later(2).toISOString() });
    expect(listOutbox(db, 10).map((item) => item.id)).toEqual([b.id, c.id, a.id]);
    expect(listOutbox(db, 1)).toHaveLength(1);
  });

  it('lists dead letters before any pending item, so a long queue cannot hide one from staff', () => {
    const pending = Array.from({ length: 5 }, (_, i) => enqueue(db, sealer, request(i), t0).id);
    const refused = enqueue(db, sealer, request(9), later(1));
    markDeadLetter(db, refused.id, 'refused');
    expect(listOutbox(db, 3).map((item) => item.id)).toEqual([refused.id, pending[0], pending[1]]);
  });

  it('a sent item never changes again', () => {
    const a = enqueue(db, sealer, request(1), t0);
    markSent(db, a.id, null, later(1));
    markDeadLetter(db, a.id, 'late refusal');
    markRetry(db, a.id, 'late failure', later(9));
    expect(getOutboxItem(db, a.id)).toMatchObject({ state: 'sent', lastError: null, attempts: 1 });
  });

  it('retry-all revives dead letters and makes waiting items due now', () => {
    const a = enqueue(db, sealer, request(1), t0);
    const b = enqueue(db, sealer, request(2), t0);
    markDeadLetter(db, a.id, 'refused');
    markRetry(db, b.id, 'unreachable', later(60_000));
    expect(makeAllDue(db, later(10))).toEqual({ revived: 1 });
    expect(getOutboxItem(db, a.id)).toMatchObject({ state: 'pending', nextAttemptAt: later(10).toISOString() });
    expect(getOutboxItem(db, b.id)).toMatchObject({ state: 'pending', nextAttemptAt: later(10).toISOString() });
  });
});

import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
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

let db: Database.Database;
const t0 = new Date('2026-11-21T08:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const request = (n: number) => ({ kind: 'rating', method: 'POST' as const, path: '/ratings', body: { n } });

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const migrated = migrate(db, migrations, () => t0.toISOString());
  if (!migrated.ok) throw new Error('migration failed');
});

describe('outbox store', () => {
  it("enqueues inside the caller's transaction: a rollback leaves no outbox row", () => {
    expect(() =>
      db.transaction(() => {
        enqueue(db, request(1), t0);
        throw new Error('the business row failed');
      })(),
    ).toThrow('the business row failed');
    expect(outboxSummary(db)).toEqual({ pending: 0, deadLetters: 0, oldestPendingAt: null });

    const { id, idempotencyKey } = db.transaction(() => enqueue(db, request(2), t0))();
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(getOutboxItem(db, id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      body: '{"n":2}',
      nextAttemptAt: t0.toISOString(),
      createdAt: t0.toISOString(),
    });
  });

  it('gives every item its own key', () => {
    const keys = new Set(Array.from({ length: 50 }, (_, i) => enqueue(db, request(i), t0).idempotencyKey));
    expect(keys.size).toBe(50);
  });

  it('works on the oldest pending item; sent and dead letters leave the queue', () => {
    const a = enqueue(db, request(1), t0);
    const b = enqueue(db, request(2), later(1));
    const c = enqueue(db, request(3), later(2));
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

  it('a sent item never changes again', () => {
    const a = enqueue(db, request(1), t0);
    markSent(db, a.id, null, later(1));
    markDeadLetter(db, a.id, 'late refusal');
    markRetry(db, a.id, 'late failure', later(9));
    expect(getOutboxItem(db, a.id)).toMatchObject({ state: 'sent', lastError: null, attempts: 1 });
  });

  it('retry-all revives dead letters and makes waiting items due now', () => {
    const a = enqueue(db, request(1), t0);
    const b = enqueue(db, request(2), t0);
    markDeadLetter(db, a.id, 'refused');
    markRetry(db, b.id, 'unreachable', later(60_000));
    expect(makeAllDue(db, later(10))).toEqual({ revived: 1 });
    expect(getOutboxItem(db, a.id)).toMatchObject({ state: 'pending', nextAttemptAt: later(10).toISOString() });
    expect(getOutboxItem(db, b.id)).toMatchObject({ state: 'pending', nextAttemptAt: later(10).toISOString() });
  });
});

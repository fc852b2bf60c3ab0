import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskContract } from '../api/contract';
import { ok, err } from '../pure/result';
import type { Handlers } from '../api/types';
import { countMatterUse } from './count-matter-use';
import { createMatterUsage, readMatterUses } from './matter-usage';
import { memoryStore } from '../testing/memory-store';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function store(): Database.Database {
  const db = memoryStore();
  open.push(db);
  return db;
}

function visits(db: Database.Database) {
  const listeners: Array<() => void> = [];
  const usage = createMatterUsage({ db, onVisitEnd: (listener) => listeners.push(listener) });
  return { usage, endVisit: () => listeners.forEach((listener) => listener()) };
}

describe('matter usage', () => {
  it('counts a matter once per visit, stores the count and keeps it across restarts', () => {
    const db = store();
    const { usage, endVisit } = visits(db);
    usage.record('A');
    usage.record('A');
    usage.record('B');
    expect(usage.counts()).toEqual(
      new Map([
        ['A', 1],
        ['B', 1],
      ]),
    );
    endVisit();
    usage.record('A');
    expect(usage.counts().get('A')).toBe(2);
    expect(readMatterUses(db)).toEqual(
      new Map([
        ['A', 2],
        ['B', 1],
      ]),
    );
    expect(visits(db).usage.counts()).toEqual(
      new Map([
        ['A', 2],
        ['B', 1],
      ]),
    );
  });

  it('gives a new map with each recorded use, and the same one in between', () => {
    const { usage } = visits(store());
    const before = usage.counts();
    expect(usage.counts()).toBe(before);
    usage.record('A');
    expect(usage.counts()).not.toBe(before);
    expect(before.get('A')).toBeUndefined();
  });

  it('stores nothing but the matter code and the count', () => {
    const db = store();
    visits(db).usage.record('A');
    expect(db.prepare('SELECT * FROM matter_usage').all()).toEqual([{ matter_code: 'A', uses: 1 }]);
  });
});

describe('countMatterUse', () => {
  const ctx = { host: 'test' as const, requestId: 'r' };

  it('counts a guide opened, each matter of an application started and an appointment booked, when they succeed', async () => {
    const recorded: string[] = [];
    const usage = { record: (code: string) => recorded.push(code) };
    const answer = { ok: true };
    const counted: Partial<Pick<Handlers<KioskContract>, 'catalog.matter' | 'application.start' | 'appointment.book'>> =
      {
        'catalog.matter': () => (answer.ok ? ok({} as never) : err({ code: 'notFound' as const, message: 'no' })),
        'application.start': () => ok({} as never),
        'appointment.book': () => err({ code: 'slotFull' as const, message: 'full' }),
      };
    const handlers = countMatterUse(counted, usage);
    await handlers['catalog.matter']?.({ code: 'M-1' }, ctx);
    await handlers['application.start']?.({ matterCodes: ['M-2', 'M-3'], lifeEventId: null }, ctx);
    await handlers['appointment.book']?.(
      { confirmationId: '00000000-0000-4000-8000-000000000000', slotId: 's', matterCode: 'M-4', phone: '13800000000' },
      ctx,
    );
    answer.ok = false;
    await handlers['catalog.matter']?.({ code: 'M-5' }, ctx);
    expect(recorded).toEqual(['M-1', 'M-2', 'M-3']);
  });
});

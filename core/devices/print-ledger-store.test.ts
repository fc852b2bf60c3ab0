import { describe, expect, it } from 'vitest';
import { createPrintLedgerStore, readPaperUse } from './print-ledger-store';
import { memoryStore } from '../testing/memory-store';

function freshDb() {
  return memoryStore({ at: '2026-11-21T08:00:00.000Z' });
}
const now = () => new Date('2026-11-21T08:00:00.000Z');

describe('print ledger store (migration 0003)', () => {
  it('claims a receipt once: a second claim is in progress, then already printed', () => {
    const ledger = createPrintLedgerStore(freshDb(), now);
    expect(ledger.claim('T-A001', false)).toBe('claimed');
    expect(ledger.claim('T-A001', false)).toBe('inProgress');
    ledger.markPrinted('T-A001');
    expect(ledger.claim('T-A001', false)).toBe('alreadyPrinted');
    expect(ledger.counters().printsSincePaperReplaced).toBe(1);
  });

  it('lets a job that failed before sending be claimed again, but not one that failed after', () => {
    const ledger = createPrintLedgerStore(freshDb(), now);
    ledger.claim('R-1', false);
    ledger.markFailed('R-1', 'beforeSend', 'paper out');
    expect(ledger.claim('R-1', false)).toBe('claimed');
    ledger.markFailed('R-1', 'afterSend', 'paper ran out during the job');
    expect(ledger.claim('R-1', false)).toBe('alreadyPrinted');
    expect(ledger.claim('R-1', true)).toBe('claimed');
  });

  it('keeps what went wrong without any ID or phone number a device message may quote', () => {
    const db = freshDb();
    const ledger = createPrintLedgerStore(db, now);
    ledger.claim('R-9', false);
    ledger.markFailed('R-9', 'afterSend', 'write failed after "13912345678 370784199006010024"');
    expect(db.prepare(`SELECT reason FROM print_job WHERE receipt_id = 'R-9'`).pluck().get()).toBe(
      'write failed after "[redacted] [redacted]"',
    );
  });

  it('keeps a printed receipt printed when its reprint fails before sending', () => {
    const ledger = createPrintLedgerStore(freshDb(), now);
    ledger.claim('R-3', false);
    ledger.markPrinted('R-3');
    expect(ledger.claim('R-3', true)).toBe('claimed');
    ledger.markFailed('R-3', 'beforeSend', 'cover open');
    expect(ledger.claim('R-3', false)).toBe('alreadyPrinted');
  });

  it('treats a job cut off by a crash as printed-uncertain when the kiosk starts again', () => {
    const db = freshDb();
    createPrintLedgerStore(db, now).claim('R-2', false);
    const afterRestart = createPrintLedgerStore(db, now);
    expect(afterRestart.claim('R-2', false)).toBe('alreadyPrinted');
    expect(db.prepare("SELECT reason FROM print_job WHERE receipt_id = 'R-2'").pluck().get()).toMatch(/stopped/);
  });

  it('counts prints since the paper was replaced', () => {
    const ledger = createPrintLedgerStore(freshDb(), now);
    for (const id of ['a', 'b', 'c']) {
      ledger.claim(id, false);
      ledger.markPrinted(id);
    }
    expect(ledger.counters()).toEqual({ printsSincePaperReplaced: 3, paperReplacedAt: null });
    ledger.recordPaperReplaced();
    expect(ledger.counters()).toEqual({ printsSincePaperReplaced: 0, paperReplacedAt: '2026-11-21T08:00:00.000Z' });
  });

  it('refuses an unknown job state at the database level', () => {
    const db = freshDb();
    expect(() =>
      db.prepare("INSERT INTO print_job (receipt_id, state, claimed_at) VALUES ('x', 'lost', 'now')").run(),
    ).toThrow(/CHECK/);
  });
});

describe('dated paper use (migration 0015)', () => {
  it('dates each receipt that used paper, from the first start, and keeps about a week of it', () => {
    const db = freshDb();
    let clock = new Date('2026-11-10T08:00:00.000Z');
    const ledger = createPrintLedgerStore(db, () => clock);
    const print = (id: string, phase: 'printed' | 'beforeSend' | 'afterSend') => {
      ledger.claim(id, false);
      if (phase === 'printed') ledger.markPrinted(id);
      else ledger.markFailed(id, phase, 'paper out');
    };
    print('R-old', 'printed');
    clock = new Date('2026-11-20T08:00:00.000Z');
    print('R-1', 'printed');
    print('R-2', 'beforeSend'); // no paper used
    print('R-3', 'afterSend'); // paper used
    clock = new Date('2026-11-21T08:00:00.000Z');
    const use = readPaperUse(db, clock);
    expect(use.datedSince).toEqual(new Date('2026-11-10T08:00:00.000Z'));
    expect(use.receiptsSinceRollChange).toBe(3);
    expect(use.rollChangedAt).toBeNull();
    expect(use.recentReceipts).toEqual([new Date('2026-11-20T08:00:00.000Z'), new Date('2026-11-20T08:00:00.000Z')]);
    // The receipt of the 10th was pruned when a later one was dated (older than 8 days then).
    expect(db.prepare('SELECT COUNT(*) FROM paper_use').pluck().get()).toBe(2);

    ledger.recordPaperReplaced();
    expect(readPaperUse(db, clock)).toMatchObject({ receiptsSinceRollChange: 0, rollChangedAt: clock });
  });

  it('keeps the first dating start across restarts', () => {
    const db = freshDb();
    createPrintLedgerStore(db, () => new Date('2026-11-01T00:00:00.000Z'));
    createPrintLedgerStore(db, () => new Date('2026-11-05T00:00:00.000Z'));
    expect(readPaperUse(db, now()).datedSince).toEqual(new Date('2026-11-01T00:00:00.000Z'));
  });
});

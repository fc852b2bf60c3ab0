import type Database from 'better-sqlite3';
import { redactText } from '../logging/redact';
import { RATE_WINDOW_DAYS, type PaperUse } from './paper-forecast';

/**
 * SQLite side of the print-job ledger (migration 0003). Each claim is one statement inside a
 * transaction, so two concurrent prints of the same receipt id cannot both claim it. It keeps
 * receipt ids (`receipt-<localRef>`, `ticket-<id>` …), states and device failures, never what was
 * printed; rows go with the retention purge (core/retention). Every receipt that used paper is
 * also dated in `paper_use` (migration 0015) for the paper forecast's print rate; those timestamps
 * are pruned here, a day after they leave the forecast's window.
 */
export type ClaimOutcome = 'claimed' | 'alreadyPrinted' | 'inProgress';
export type FailurePhase = 'beforeSend' | 'afterSend';

interface JobRow {
  state: 'printing' | 'printed' | 'failedBeforeSend' | 'failedAfterSend';
}

export interface PrintLedgerStore {
  claim(receiptId: string, reprint: boolean): ClaimOutcome;
  markPrinted(receiptId: string): void;
  markFailed(receiptId: string, phase: FailurePhase, reason: string): void;
  counters(): { printsSincePaperReplaced: number; paperReplacedAt: string | null };
  recordPaperReplaced(): void;
}

/** A day beyond the forecast's window, so a clock that moved back a little loses nothing. */
const KEEP_DATED_USE_MS = (RATE_WINDOW_DAYS + 1) * 86_400_000;

/**
 * What the paper forecast needs (core/devices/paper-forecast.ts): the roll counter, when dating
 * began, and the receipts of the last `RATE_WINDOW_DAYS` days. Reads only, so the fleet heartbeat
 * calls it without going through the device manager that owns the writes.
 */
export function readPaperUse(db: Database.Database, now: Date): PaperUse {
  const row = db
    .prepare('SELECT paper_replaced_at, prints_since_replaced, dated_since FROM printer_counter WHERE id = 1')
    .get() as { paper_replaced_at: string | null; prints_since_replaced: number; dated_since: string | null };
  const since = new Date(now.getTime() - RATE_WINDOW_DAYS * 86_400_000).toISOString();
  const recent = db.prepare('SELECT at FROM paper_use WHERE at >= ?').pluck().all(since) as string[];
  return {
    rollChangedAt: row.paper_replaced_at === null ? null : new Date(row.paper_replaced_at),
    receiptsSinceRollChange: row.prints_since_replaced,
    datedSince: row.dated_since === null ? null : new Date(row.dated_since),
    recentReceipts: recent.map((at) => new Date(at)),
  };
}

export function createPrintLedgerStore(db: Database.Database, now: () => Date): PrintLedgerStore {
  // A job still 'printing' when the kiosk starts was cut off by a crash or power loss: bytes may
  // be on paper, so it counts as printed-uncertain and is not printed again by itself.
  db.prepare(
    `UPDATE print_job SET state = 'failedAfterSend', finished_at = ?, reason = 'the kiosk stopped during the job'
     WHERE state = 'printing'`,
  ).run(now().toISOString());

  const find = db.prepare<[string], JobRow>('SELECT state FROM print_job WHERE receipt_id = ?');
  const insert = db.prepare(`INSERT INTO print_job (receipt_id, state, claimed_at) VALUES (?, 'printing', ?)`);
  const reclaim = db.prepare(
    `UPDATE print_job SET state = 'printing', attempts = attempts + 1, reprints = reprints + ?, claimed_at = ?,
       finished_at = NULL, reason = NULL
     WHERE receipt_id = ?`,
  );
  const finish = db.prepare(
    `UPDATE print_job SET state = ?, finished_at = ?, reason = ?, printed_before = 1 WHERE receipt_id = ?`,
  );
  const failBeforeSend = db.prepare(
    `UPDATE print_job
     SET state = CASE printed_before WHEN 1 THEN 'failedAfterSend' ELSE 'failedBeforeSend' END,
         finished_at = ?, reason = ?
     WHERE receipt_id = ?`,
  );
  const countOnRoll = db.prepare(
    'UPDATE printer_counter SET prints_since_replaced = prints_since_replaced + 1 WHERE id = 1',
  );
  const datePaperUse = db.prepare('INSERT INTO paper_use (at) VALUES (?)');
  const pruneDatedUse = db.prepare('DELETE FROM paper_use WHERE at < ?');
  const countPrint = () => {
    const at = now();
    countOnRoll.run();
    datePaperUse.run(at.toISOString());
    pruneDatedUse.run(new Date(at.getTime() - KEEP_DATED_USE_MS).toISOString());
  };
  // Dating starts with the first start of a ledger that has the table; days before are unknown.
  db.prepare('UPDATE printer_counter SET dated_since = ? WHERE id = 1 AND dated_since IS NULL').run(
    now().toISOString(),
  );

  const claim = db.transaction((receiptId: string, reprint: boolean): ClaimOutcome => {
    const row = find.get(receiptId);
    const at = now().toISOString();
    if (!row) {
      insert.run(receiptId, at);
      return 'claimed';
    }
    switch (row.state) {
      case 'printing':
        return 'inProgress';
      case 'failedBeforeSend':
        reclaim.run(0, at, receiptId);
        return 'claimed';
      case 'printed':
      case 'failedAfterSend':
        if (!reprint) return 'alreadyPrinted';
        reclaim.run(1, at, receiptId);
        return 'claimed';
    }
  });

  return {
    claim: (receiptId, reprint) => claim.immediate(receiptId, reprint),
    markPrinted(receiptId) {
      db.transaction(() => {
        finish.run('printed', now().toISOString(), null, receiptId);
        countPrint();
      })();
    },
    markFailed(receiptId, phase, failure) {
      // Device error text only, but it is shown to staff: no ID or phone number is kept in it.
      const reason = redactText(failure);
      db.transaction(() => {
        if (phase === 'beforeSend') {
          failBeforeSend.run(now().toISOString(), reason, receiptId);
          return;
        }
        finish.run('failedAfterSend', now().toISOString(), reason, receiptId);
        // Paper was used, so the roll estimate counts it.
        countPrint();
      })();
    },
    counters() {
      const row = db
        .prepare('SELECT paper_replaced_at, prints_since_replaced FROM printer_counter WHERE id = 1')
        .get() as { paper_replaced_at: string | null; prints_since_replaced: number };
      return { printsSincePaperReplaced: row.prints_since_replaced, paperReplacedAt: row.paper_replaced_at };
    },
    recordPaperReplaced() {
      db.prepare('UPDATE printer_counter SET paper_replaced_at = ?, prints_since_replaced = 0 WHERE id = 1').run(
        now().toISOString(),
      );
    },
  };
}

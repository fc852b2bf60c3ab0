import type { Migration } from '../migration';

/**
 * The print-job ledger: one row per receipt id, so a receipt is never printed twice
 * (docs/design-anchors.md §5: vxsuite#1148 printed ballots twice from a polling loop). A job that
 * failed after its bytes went out counts as printed (part of it may be on paper); only an explicit
 * reprint prints it again, marked 补打. The counter row estimates paper left for the 巡检单.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'print-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_job (
        receipt_id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('printing', 'printed', 'failedBeforeSend', 'failedAfterSend')),
        attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        reprints INTEGER NOT NULL DEFAULT 0 CHECK (reprints >= 0),
        -- 1 once any job for this id sent bytes: a later failure before sending (a reprint that
        -- found the paper out) must not make the id printable again without a reprint.
        printed_before INTEGER NOT NULL DEFAULT 0 CHECK (printed_before IN (0, 1)),
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        reason TEXT
      ) STRICT;
      CREATE TABLE printer_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paper_replaced_at TEXT,
        prints_since_replaced INTEGER NOT NULL DEFAULT 0 CHECK (prints_since_replaced >= 0)
      ) STRICT;
      INSERT INTO printer_counter (id) VALUES (1);
    `);
  },
};

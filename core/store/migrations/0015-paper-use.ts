import type { Migration } from '../migration';

/**
 * Dated paper use, for the paper forecast's print rate (core/devices/paper-forecast.ts). The
 * counter row of migration 0003 says how many receipts came off the current roll but not when, so
 * it cannot give receipts per day. `paper_use` holds one timestamp per receipt that used paper and
 * nothing else (no receipt id, no person); the ledger keeps about a week of it.
 * `dated_since` is when this kiosk began dating prints (its first start with this migration), so
 * the rate of a kiosk upgraded mid-week is not diluted by days it never recorded.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'paper-use',
  up(db) {
    db.exec(`
      CREATE TABLE paper_use (
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX paper_use_at ON paper_use (at);
      ALTER TABLE printer_counter ADD COLUMN dated_since TEXT;
    `);
  },
};

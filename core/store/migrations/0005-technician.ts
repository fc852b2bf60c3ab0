import type { Migration } from '../migration';

/**
 * Technician mode (巡检, docs/design-anchors.md §4):
 * - technician_lockout: wrong-PIN count and lockout, one row, so five wrong tries are not undone
 *   by pulling the power plug;
 * - technician_test: the last outcome of each device test, which the inspection report and the
 *   overview read;
 * - inspection: each 巡检单 as submitted, with the outbox row that carries it to the platform
 *   (the platform's INSP-… id is in that row's response once delivered).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'technician',
  up(db) {
    db.exec(`
      CREATE TABLE technician_lockout (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT,
        last_attempt_at TEXT
      ) STRICT;
      INSERT INTO technician_lockout (id) VALUES (1);

      CREATE TABLE technician_test (
        device TEXT NOT NULL CHECK (device IN ('idCardReader', 'printer', 'evaluationKeypad', 'documentCamera')),
        test TEXT NOT NULL CHECK (test IN ('readCard', 'printTestPage', 'captureFrame', 'pressEachKey', 'playSound')),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        detail TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (device, test)
      ) STRICT;

      CREATE TABLE inspection (
        id TEXT PRIMARY KEY,
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
        finished_at TEXT NOT NULL,
        report TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;
    `);
  },
};

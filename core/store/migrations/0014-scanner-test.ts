import type { Migration } from '../migration';

/**
 * The QR scanner (扫码器) is a device technicians test: technician_test (migration 0005) checked
 * its device and test names against the four peripherals, so it is rebuilt with the scanner and
 * its `scanCode` test allowed. The recorded outcomes are kept.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'scanner-test',
  up(db) {
    db.exec(`
      CREATE TABLE technician_test_new (
        device TEXT NOT NULL
          CHECK (device IN ('idCardReader', 'printer', 'evaluationKeypad', 'documentCamera', 'qrScanner')),
        test TEXT NOT NULL
          CHECK (test IN ('readCard', 'printTestPage', 'captureFrame', 'pressEachKey', 'playSound', 'scanCode')),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        detail TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (device, test)
      ) STRICT;
      INSERT INTO technician_test_new (device, test, passed, detail, at)
        SELECT device, test, passed, detail, at FROM technician_test;
      DROP TABLE technician_test;
      ALTER TABLE technician_test_new RENAME TO technician_test;
    `);
  },
};

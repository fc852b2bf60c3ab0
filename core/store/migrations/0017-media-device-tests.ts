import type { Migration } from '../migration';

/**
 * 视频帮办's face camera and microphone are devices technicians test (core/api/technician.ts): the
 * face camera with `captureFrame`, like the document camera, the microphone with `hearSound`.
 * technician_test (migrations 0005, 0014) checks its device and test names, so it is rebuilt with
 * them allowed. The recorded outcomes are kept.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'media-device-tests',
  up(db) {
    db.exec(`
      CREATE TABLE technician_test_new (
        device TEXT NOT NULL
          CHECK (device IN ('idCardReader', 'printer', 'evaluationKeypad', 'documentCamera', 'qrScanner',
                            'faceCamera', 'microphone')),
        test TEXT NOT NULL
          CHECK (test IN ('readCard', 'printTestPage', 'captureFrame', 'pressEachKey', 'playSound', 'scanCode',
                          'hearSound')),
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

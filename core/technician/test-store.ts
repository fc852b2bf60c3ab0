import type Database from 'better-sqlite3';
import type { DeviceKind } from '../api/devices';
import type { DeviceTestName, DeviceTestOutcome } from '../api/technician';

/** The last outcome of each device test (migration 0005); a new run replaces the old one. */

interface TestRow {
  device: DeviceKind;
  test: DeviceTestName;
  passed: 0 | 1;
  detail: string;
  at: string;
}

export function recordTestOutcome(db: Database.Database, outcome: DeviceTestOutcome): void {
  db.prepare(
    `INSERT INTO technician_test (device, test, passed, detail, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (device, test) DO UPDATE SET passed = excluded.passed, detail = excluded.detail, at = excluded.at`,
  ).run(outcome.device, outcome.test, outcome.passed ? 1 : 0, outcome.detail.slice(0, 500), outcome.at);
}

export function lastTestOutcomes(db: Database.Database): DeviceTestOutcome[] {
  const rows = db
    .prepare('SELECT device, test, passed, detail, at FROM technician_test ORDER BY at DESC')
    .all() as TestRow[];
  return rows.map((row) => ({
    device: row.device,
    test: row.test,
    passed: row.passed === 1,
    detail: row.detail,
    at: row.at,
  }));
}

import type Database from 'better-sqlite3';
import type { InspectionReceipt, InspectionReport } from '../../contract/terminals';
import type { PlatformSealer } from '../sealing/sealer';
import { chinaDay, compactChinaDay } from '../time';
import { dailyId, nextDaySequence } from './day-sequence';

/** Stores an inspection report (巡检单) under a readable id, INSP-YYYYMMDD-NNNN; sealed, as it names the inspector. */
export function recordInspection(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  report: InspectionReport,
  now: Date,
): InspectionReceipt {
  const day = chinaDay(now);
  const seq = nextDaySequence(db, 'inspections', day);
  const inspectionId = dailyId('INSP', compactChinaDay(now), seq);
  const receivedAt = now.toISOString();
  db.prepare(
    `INSERT INTO inspections (inspection_id, day, seq, terminal_id, outcome, sealed_report, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    inspectionId,
    day,
    seq,
    terminalId,
    report.outcome,
    sealer.sealJson('inspections.sealed_report', inspectionId, report),
    receivedAt,
  );
  return { inspectionId, receivedAt };
}

export function inspectionCount(db: Database.Database, terminalId: string): number {
  return db.prepare('SELECT count(*) FROM inspections WHERE terminal_id = ?').pluck().get(terminalId) as number;
}

/**
 * The staffId the kiosk's daily self-inspection signs its 巡检单 with (inspector name 自动巡检):
 * such a report is listed as automatic, with no inspector.
 */
export const AUTOMATIC_INSPECTOR_STAFF_ID = 'self-inspection';

export interface StoredInspection {
  readonly inspectionId: string;
  readonly receivedAt: string;
  readonly report: InspectionReport;
}

/** Newest first, opened (the report names the inspector). */
export function recentInspections(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  limit: number,
): StoredInspection[] {
  const rows = db
    .prepare(
      `SELECT inspection_id, received_at, sealed_report FROM inspections
       WHERE terminal_id = ? ORDER BY received_at DESC, inspection_id DESC LIMIT ?`,
    )
    .all(terminalId, limit) as Array<{ inspection_id: string; received_at: string; sealed_report: Buffer }>;
  return rows.map((row) => ({
    inspectionId: row.inspection_id,
    receivedAt: row.received_at,
    report: sealer.openJson<InspectionReport>('inspections.sealed_report', row.inspection_id, row.sealed_report),
  }));
}

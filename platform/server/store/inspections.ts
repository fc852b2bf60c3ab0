import type { InspectionReceipt, InspectionReport } from '../../contract/terminals';
import type { SqlQueries } from '../db/sql';
import type { PlatformSealer } from '../sealing/sealer';
import { chinaDay, compactChinaDay } from '../time';
import { dailyId, nextDaySequence } from './day-sequence';

/** Stores an inspection report (巡检单) under a readable id, INSP-YYYYMMDD-NNNN; sealed, as it names the inspector. */
export async function recordInspection(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  report: InspectionReport,
  now: Date,
): Promise<InspectionReceipt> {
  const day = chinaDay(now);
  // The day's number comes from the counter upsert (store/day-sequence.ts): two instances storing
  // reports at once queue on its row and never share a number.
  const seq = await nextDaySequence(db, 'inspections', day);
  const inspectionId = dailyId('INSP', compactChinaDay(now), seq);
  const receivedAt = now.toISOString();
  await db.run(
    `INSERT INTO inspections (inspection_id, day, seq, terminal_id, outcome, sealed_report, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      inspectionId,
      day,
      seq,
      terminalId,
      report.outcome,
      sealer.sealJson('inspections.sealed_report', inspectionId, report),
      receivedAt,
    ],
  );
  return { inspectionId, receivedAt };
}

export async function inspectionCount(db: SqlQueries, terminalId: string): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM inspections WHERE terminal_id = ?', [
    terminalId,
  ]);
  return row?.count ?? 0;
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
export async function recentInspections(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  limit: number,
): Promise<StoredInspection[]> {
  const rows = await db.all<{ inspection_id: string; received_at: string; sealed_report: Buffer }>(
    `SELECT inspection_id, received_at, sealed_report FROM inspections
     WHERE terminal_id = ? ORDER BY received_at DESC, inspection_id DESC LIMIT ?`,
    [terminalId, limit],
  );
  return rows.map((row) => ({
    inspectionId: row.inspection_id,
    receivedAt: row.received_at,
    report: sealer.openJson<InspectionReport>('inspections.sealed_report', row.inspection_id, row.sealed_report),
  }));
}

import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { InspectionReport } from '../../platform/contract/terminals';
import { enqueue, type DataSealer } from '../outbox';

/**
 * Inspections (巡检单) as submitted. The report row and its outbox row are written in one
 * transaction (docs/reliability.md §2.2), so a report is either stored and on its way or not at all.
 */

export interface StoredInspection {
  /** Local id, `L-YYYYMMDD-xxxxxxxx`. */
  readonly id: string;
  readonly platformId: string | null;
  readonly state: 'pending' | 'sent' | 'deadLetter';
  readonly finishedAt: string;
  readonly report: InspectionReport;
  readonly outboxId: number;
}

interface InspectionRow {
  id: string;
  outbox_id: number;
  finished_at: string;
  report: string;
  state: StoredInspection['state'];
  platform_id: string | null;
}

const SELECT = `
  SELECT i.id, i.outbox_id, i.finished_at, i.report, o.state,
         json_extract(o.response, '$.inspectionId') AS platform_id
  FROM inspection i JOIN outbox o ON o.id = i.outbox_id`;

function fromRow(row: InspectionRow): StoredInspection {
  return {
    id: row.id,
    platformId: typeof row.platform_id === 'string' ? row.platform_id : null,
    state: row.state,
    finishedAt: row.finished_at,
    report: JSON.parse(row.report) as InspectionReport,
    outboxId: row.outbox_id,
  };
}

export function saveInspection(
  db: Database.Database,
  sealer: DataSealer,
  report: InspectionReport,
  terminalId: string,
  now: Date,
): { id: string; outboxId: number } {
  const id = `L-${report.finishedAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  return db.transaction(() => {
    const queued = enqueue(
      db,
      sealer,
      {
        kind: 'inspection',
        operation: 'postInspection',
        params: { terminalId },
        body: report,
      },
      now,
    );
    db.prepare('INSERT INTO inspection (id, outbox_id, finished_at, report) VALUES (?, ?, ?, ?)').run(
      id,
      queued.id,
      report.finishedAt,
      JSON.stringify(report),
    );
    return { id, outboxId: queued.id };
  })();
}

/** By local id or by the platform's INSP-… id. */
export function findInspection(db: Database.Database, id: string): StoredInspection | null {
  const row = db.prepare(`${SELECT} WHERE i.id = ? OR json_extract(o.response, '$.inspectionId') = ?`).get(id, id) as
    InspectionRow | undefined;
  return row ? fromRow(row) : null;
}

export function lastInspection(db: Database.Database): StoredInspection | null {
  const row = db.prepare(`${SELECT} ORDER BY i.finished_at DESC, i.rowid DESC LIMIT 1`).get() as
    InspectionRow | undefined;
  return row ? fromRow(row) : null;
}

import type Database from 'better-sqlite3';
import type { WindowStatus } from '../../contract/console/queue-views';
import type { QueueServiceConfig } from '../sample/queue-services';

/**
 * A station's windows (窗口, table queue_windows of migration 0009): the services each calls and
 * who sits at it. Admins define them; a station that has none gets one window per queue service
 * the first time someone opens its window list (seedWindows), so a station's staff can start
 * calling on day one and an admin can change the split later.
 */

export interface WindowRow {
  readonly stationId: string;
  readonly windowNo: number;
  readonly label: string;
  readonly serviceCodes: readonly string[];
  readonly status: WindowStatus;
  readonly staffUserId: number | null;
  readonly staffName: string | null;
  readonly updatedAt: string;
}

interface StoredWindow {
  stationId: string;
  windowNo: number;
  label: string;
  serviceCodes: string;
  status: WindowStatus;
  staffUserId: number | null;
  staffName: string | null;
  updatedAt: string;
}

const WINDOW_SELECT = `SELECT w.station_id AS stationId, w.window_no AS windowNo, w.label, w.service_codes AS serviceCodes,
  w.status, w.staff_user_id AS staffUserId, u.display_name AS staffName, w.updated_at AS updatedAt
  FROM queue_windows w LEFT JOIN console_users u ON u.user_id = w.staff_user_id`;

const toWindow = (row: StoredWindow): WindowRow => ({
  ...row,
  serviceCodes: JSON.parse(row.serviceCodes) as string[],
  staffName: row.status === 'closed' ? null : row.staffName,
});

export function listWindows(db: Database.Database, stationId: string): WindowRow[] {
  return (
    db.prepare(`${WINDOW_SELECT} WHERE w.station_id = ? ORDER BY w.window_no`).all(stationId) as StoredWindow[]
  ).map(toWindow);
}

export function findWindow(db: Database.Database, stationId: string, windowNo: number): WindowRow | undefined {
  const row = db.prepare(`${WINDOW_SELECT} WHERE w.station_id = ? AND w.window_no = ?`).get(stationId, windowNo) as
    StoredWindow | undefined;
  return row && toWindow(row);
}

/** One window per service (1号窗口 calls the first service …) for a station that has none yet. */
export function seedWindows(
  db: Database.Database,
  stationId: string,
  services: readonly QueueServiceConfig[],
  now: Date,
): void {
  db.transaction(() => {
    const count = db
      .prepare('SELECT count(*) FROM queue_windows WHERE station_id = ?')
      .pluck()
      .get(stationId) as number;
    if (count > 0) return;
    const insert = db.prepare(
      `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
       VALUES (?, ?, ?, ?, 'closed', ?)`,
    );
    services.slice(0, 99).forEach((service, index) => {
      insert.run(stationId, index + 1, `${index + 1}号窗口`, JSON.stringify([service.serviceCode]), now.toISOString());
    });
  }).immediate();
}

export interface WindowDefinition {
  readonly stationId: string;
  readonly windowNo: number;
  readonly label: string;
  readonly serviceCodes: readonly string[];
}

/** Creates the window or changes its label and services; who sits at it and its state stay. */
export function defineWindow(db: Database.Database, definition: WindowDefinition, now: Date): WindowRow {
  db.prepare(
    `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
     VALUES (?, ?, ?, ?, 'closed', ?)
     ON CONFLICT (station_id, window_no) DO UPDATE SET label = excluded.label, service_codes = excluded.service_codes,
       updated_at = excluded.updated_at`,
  ).run(
    definition.stationId,
    definition.windowNo,
    definition.label,
    JSON.stringify([...new Set(definition.serviceCodes)]),
    now.toISOString(),
  );
  const stored = findWindow(db, definition.stationId, definition.windowNo);
  if (!stored) throw new Error('defineWindow: the window just written is gone');
  return stored;
}

export function setWindowState(
  db: Database.Database,
  stationId: string,
  windowNo: number,
  status: WindowStatus,
  staffUserId: number | null,
  now: Date,
): void {
  db.prepare(
    'UPDATE queue_windows SET status = ?, staff_user_id = ?, updated_at = ? WHERE station_id = ? AND window_no = ?',
  ).run(status, staffUserId, now.toISOString(), stationId, windowNo);
}

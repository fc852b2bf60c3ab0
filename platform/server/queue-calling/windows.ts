import type { WindowStatus } from '../../contract/console/queue-views';
import type { SqlQueries } from '../db/sql';
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

const WINDOW_SELECT = `SELECT w.station_id AS "stationId", w.window_no AS "windowNo", w.label,
  w.service_codes AS "serviceCodes", w.status, w.staff_user_id AS "staffUserId", u.display_name AS "staffName",
  w.updated_at AS "updatedAt"
  FROM queue_windows w LEFT JOIN console_users u ON u.user_id = w.staff_user_id`;

const toWindow = (row: StoredWindow): WindowRow => ({
  ...row,
  serviceCodes: JSON.parse(row.serviceCodes) as string[],
  staffName: row.status === 'closed' ? null : row.staffName,
});

export async function listWindows(db: SqlQueries, stationId: string): Promise<WindowRow[]> {
  const rows = await db.all<StoredWindow>(`${WINDOW_SELECT} WHERE w.station_id = ? ORDER BY w.window_no`, [stationId]);
  return rows.map(toWindow);
}

export async function findWindow(db: SqlQueries, stationId: string, windowNo: number): Promise<WindowRow | undefined> {
  const row = await db.get<StoredWindow>(`${WINDOW_SELECT} WHERE w.station_id = ? AND w.window_no = ?`, [
    stationId,
    windowNo,
  ]);
  return row && toWindow(row);
}

/**
 * One window per service (1号窗口 calls the first service …) for a station that has none yet.
 * Two instances seeding at once both insert the same windows: ON CONFLICT DO NOTHING on the
 * primary key lets the first win and the second add nothing; the count check only saves the
 * inserts on every later visit (and keeps a station an admin has split differently as it is).
 */
export async function seedWindows(
  db: SqlQueries,
  stationId: string,
  services: readonly QueueServiceConfig[],
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await tx.get<{ count: number }>(
      'SELECT count(*) AS count FROM queue_windows WHERE station_id = ?',
      [stationId],
    );
    if ((existing?.count ?? 0) > 0) return;
    for (const [index, service] of services.slice(0, 99).entries()) {
      await tx.run(
        `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
         VALUES (?, ?, ?, ?, 'closed', ?) ON CONFLICT (station_id, window_no) DO NOTHING`,
        [stationId, index + 1, `${index + 1}号窗口`, JSON.stringify([service.serviceCode]), now.toISOString()],
      );
    }
  });
}

export interface WindowDefinition {
  readonly stationId: string;
  readonly windowNo: number;
  readonly label: string;
  readonly serviceCodes: readonly string[];
}

/** Creates the window or changes its label and services (one upsert); who sits at it and its state stay. */
export async function defineWindow(db: SqlQueries, definition: WindowDefinition, now: Date): Promise<WindowRow> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
       VALUES (?, ?, ?, ?, 'closed', ?)
       ON CONFLICT (station_id, window_no) DO UPDATE SET label = excluded.label, service_codes = excluded.service_codes,
         updated_at = excluded.updated_at`,
      [
        definition.stationId,
        definition.windowNo,
        definition.label,
        JSON.stringify([...new Set(definition.serviceCodes)]),
        now.toISOString(),
      ],
    );
    const stored = await findWindow(tx, definition.stationId, definition.windowNo);
    if (!stored) throw new Error('defineWindow: the window just written is gone');
    return stored;
  });
}

export async function setWindowState(
  db: SqlQueries,
  stationId: string,
  windowNo: number,
  status: WindowStatus,
  staffUserId: number | null,
  now: Date,
): Promise<void> {
  await db.run(
    'UPDATE queue_windows SET status = ?, staff_user_id = ?, updated_at = ? WHERE station_id = ? AND window_no = ?',
    [status, staffUserId, now.toISOString(), stationId, windowNo],
  );
}

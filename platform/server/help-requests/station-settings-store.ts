import {
  DEFAULT_STATION_SETTINGS,
  StationSettings,
  type StationSettingsView,
} from '../../contract/console/station-settings';
import type { SqlQueries } from '../db/sql';

/**
 * station_settings (migration 0009): one JSON row per station, validated on the way in and on
 * the way out, so a row written by hand that no longer parses falls back to the defaults rather
 * than breaking every inbox of the station.
 */

interface Row {
  settings: string;
  updatedAt: string;
  updatedBy: string | null;
}

export async function stationSettingsView(db: SqlQueries, stationId: string): Promise<StationSettingsView> {
  // The settings are read as text whatever type the engine's column has (JSON on PostgreSQL).
  const row = await db.get<Row>(
    `SELECT CAST(s.settings AS TEXT) AS settings, s.updated_at AS "updatedAt", u.display_name AS "updatedBy"
     FROM station_settings s LEFT JOIN console_users u ON u.user_id = s.updated_by
     WHERE s.station_id = ?`,
    [stationId],
  );
  const parsed = row ? StationSettings.safeParse(JSON.parse(row.settings)) : undefined;
  if (!row || !parsed?.success)
    return { stationId, settings: DEFAULT_STATION_SETTINGS, customised: false, updatedAt: null, updatedBy: null };
  return { stationId, settings: parsed.data, customised: true, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

export async function stationSettingsOf(db: SqlQueries, stationId: string): Promise<StationSettings> {
  return (await stationSettingsView(db, stationId)).settings;
}

/** One upsert: two admins saving at once each leave a whole row, the later one's. */
export async function saveStationSettings(
  db: SqlQueries,
  stationId: string,
  settings: StationSettings,
  by: number | null,
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO station_settings (station_id, settings, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (station_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [stationId, JSON.stringify(StationSettings.parse(settings)), now.toISOString(), by],
  );
}

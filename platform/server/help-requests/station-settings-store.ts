import type Database from 'better-sqlite3';
import {
  DEFAULT_STATION_SETTINGS,
  StationSettings,
  type StationSettingsView,
} from '../../contract/console/station-settings';

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

export function stationSettingsView(db: Database.Database, stationId: string): StationSettingsView {
  const row = db
    .prepare(
      `SELECT s.settings, s.updated_at AS updatedAt, u.display_name AS updatedBy
       FROM station_settings s LEFT JOIN console_users u ON u.user_id = s.updated_by
       WHERE s.station_id = ?`,
    )
    .get(stationId) as Row | undefined;
  const parsed = row ? StationSettings.safeParse(JSON.parse(row.settings)) : undefined;
  if (!row || !parsed?.success)
    return { stationId, settings: DEFAULT_STATION_SETTINGS, customised: false, updatedAt: null, updatedBy: null };
  return { stationId, settings: parsed.data, customised: true, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

export function stationSettingsOf(db: Database.Database, stationId: string): StationSettings {
  return stationSettingsView(db, stationId).settings;
}

export function saveStationSettings(
  db: Database.Database,
  stationId: string,
  settings: StationSettings,
  by: number | null,
  now: Date,
): void {
  db.prepare(
    `INSERT INTO station_settings (station_id, settings, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (station_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(stationId, JSON.stringify(StationSettings.parse(settings)), now.toISOString(), by);
}

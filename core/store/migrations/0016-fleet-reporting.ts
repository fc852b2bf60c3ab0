import type { Migration } from '../migration';

/**
 * What the kiosk must remember to report to the fleet console exactly once (core/fleet):
 * - `fleet_event_sequence`: the last sequence number given to an event (one row), so the
 *   platform sees the kiosk's events in order and notices a gap, across restarts;
 * - `fleet_command`: every remote command this kiosk took on, so one that arrives again in a
 *   later heartbeat answer (its result not yet delivered) is not run twice;
 * - `fleet_rollback_reported`: the appliance's rollback records (packaging/bin/rollback) already
 *   turned into events;
 * - `fleet_self_inspection`: the daily automatic inspection, one row per China-time day, so a
 *   restart does not run it again; the inspection it stored is named, which marks that 巡检单
 *   automatic for the heartbeat.
 * Nothing of a resident is stored here.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'fleet-reporting',
  up(db) {
    db.exec(`
      CREATE TABLE fleet_event_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL CHECK (last >= 0)
      ) STRICT;
      INSERT INTO fleet_event_sequence (id, last) VALUES (1, 0);
      CREATE TABLE fleet_command (
        command_id TEXT PRIMARY KEY,
        received_at TEXT NOT NULL,
        outcome TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fleet_rollback_reported (
        record TEXT PRIMARY KEY,
        reported_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fleet_self_inspection (
        local_date TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL,
        done_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

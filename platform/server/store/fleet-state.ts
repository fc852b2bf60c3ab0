import type Database from 'better-sqlite3';
import type { FleetState, KioskRecord } from '../fleet/alarms';

/**
 * The alarm engine's memory, one row per kiosk (JSON): a heartbeat reads and writes only its own
 * kiosk's row, and several platform instances can share the table. Each row keeps the time the
 * engine last evaluated that kiosk, so the engine's "time never runs backwards" holds per kiosk.
 */

interface Row {
  terminal_id: string;
  evaluated_at: number;
  record: string;
}

function stateOf(rows: readonly Row[]): FleetState {
  const kiosks: Record<string, KioskRecord> = {};
  let evaluatedAt = 0;
  for (const row of rows) {
    kiosks[row.terminal_id] = JSON.parse(row.record) as KioskRecord;
    evaluatedAt = Math.max(evaluatedAt, row.evaluated_at);
  }
  return { version: 1, evaluatedAt, kiosks };
}

/** The state of one kiosk (empty when it never sent a heartbeat). */
export function loadKioskState(db: Database.Database, terminalId: string): FleetState {
  const rows = db.prepare('SELECT * FROM fleet_kiosk_state WHERE terminal_id = ?').all(terminalId) as Row[];
  return stateOf(rows);
}

/** One FleetState per kiosk, for ticks (each kiosk is evaluated on its own clock). */
export function loadEveryKioskState(db: Database.Database): FleetState[] {
  const rows = db.prepare('SELECT * FROM fleet_kiosk_state ORDER BY terminal_id').all() as Row[];
  return rows.map((row) => stateOf([row]));
}

export function saveKioskStates(db: Database.Database, state: FleetState): void {
  const upsert = db.prepare(
    `INSERT INTO fleet_kiosk_state (terminal_id, evaluated_at, record) VALUES (?, ?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET evaluated_at = excluded.evaluated_at, record = excluded.record`,
  );
  for (const [terminalId, record] of Object.entries(state.kiosks)) {
    upsert.run(terminalId, state.evaluatedAt, JSON.stringify(record));
  }
}

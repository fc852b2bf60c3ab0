import type { SqlQueries } from '../db/sql';
import type { FleetState, KioskRecord } from '../fleet/alarms';

/**
 * The alarm engine's memory, one row per kiosk (JSON): a heartbeat reads and writes only its own
 * kiosk's row, and several platform instances can share the table. Each row keeps the time the
 * engine last evaluated that kiosk, so the engine's "time never runs backwards" holds per kiosk.
 *
 * A row is only ever replaced by a compare-and-set against the row as it was read (its
 * evaluated_at and record text, or its absence): two instances that evaluated the same kiosk from
 * the same row cannot both write, so the notices of one evaluation (alarms raised, recovered) are
 * delivered by exactly one of them and the other evaluates again from the row that won.
 */

interface Row {
  terminal_id: string;
  evaluated_at: number;
  record: string;
}

/** One kiosk's engine state as read, with what the conditional write compares against. */
export interface StoredKioskState {
  readonly terminalId: string;
  /** Holds this kiosk only (no kiosk before its first heartbeat). */
  readonly state: FleetState;
  /** The row as read; null when there was none. */
  readonly stored: { readonly evaluatedAt: number; readonly record: string } | null;
}

function fromRow(terminalId: string, row: Row | undefined): StoredKioskState {
  if (!row) return { terminalId, state: { version: 1, evaluatedAt: 0, kiosks: {} }, stored: null };
  return {
    terminalId,
    state: {
      version: 1,
      evaluatedAt: row.evaluated_at,
      kiosks: { [terminalId]: JSON.parse(row.record) as KioskRecord },
    },
    stored: { evaluatedAt: row.evaluated_at, record: row.record },
  };
}

/** The state of one kiosk (empty when it never sent a heartbeat). */
export async function readKioskState(db: SqlQueries, terminalId: string): Promise<StoredKioskState> {
  const row = await db.get<Row>('SELECT * FROM fleet_kiosk_state WHERE terminal_id = ?', [terminalId]);
  return fromRow(terminalId, row);
}

/** Every kiosk's, for ticks (each kiosk is evaluated on its own clock). */
export async function readEveryKioskState(db: SqlQueries): Promise<StoredKioskState[]> {
  const rows = await db.all<Row>('SELECT * FROM fleet_kiosk_state ORDER BY terminal_id');
  return rows.map((row) => fromRow(row.terminal_id, row));
}

export async function loadKioskState(db: SqlQueries, terminalId: string): Promise<FleetState> {
  return (await readKioskState(db, terminalId)).state;
}

/** Whether `next` would store anything other than what was read (evaluated_at aside). */
export function kioskRecordChanged(read: StoredKioskState, next: FleetState): boolean {
  const record = next.kiosks[read.terminalId];
  return record !== undefined && (read.stored === null || JSON.stringify(record) !== read.stored.record);
}

/**
 * Stores `next` for the kiosk only if its row is still exactly as `read` saw it; false when
 * another evaluation (another instance's tick or heartbeat) wrote it first. The absent row is
 * claimed by the primary key (INSERT … ON CONFLICT DO NOTHING); an existing one by an UPDATE whose
 * WHERE names the old evaluated_at and record, which PostgreSQL re-checks on the row it locks.
 */
export async function writeKioskState(db: SqlQueries, read: StoredKioskState, next: FleetState): Promise<boolean> {
  const record = next.kiosks[read.terminalId];
  if (!record) throw new Error(`the engine state lost kiosk ${read.terminalId}`);
  const text = JSON.stringify(record);
  if (read.stored === null) {
    const inserted = await db.run(
      `INSERT INTO fleet_kiosk_state (terminal_id, evaluated_at, record) VALUES (?, ?, ?)
       ON CONFLICT (terminal_id) DO NOTHING`,
      [read.terminalId, next.evaluatedAt, text],
    );
    return inserted.changes === 1;
  }
  const updated = await db.run(
    `UPDATE fleet_kiosk_state SET evaluated_at = ?, record = ?
     WHERE terminal_id = ? AND evaluated_at = ? AND record = ?`,
    [next.evaluatedAt, text, read.terminalId, read.stored.evaluatedAt, read.stored.record],
  );
  return updated.changes === 1;
}

import type Database from 'better-sqlite3';

/** Tables whose ids are numbered per China Standard Time day: PREFIX-YYYYMMDD-NNNN. */
export type DailyNumberedTable =
  | 'inspections'
  | 'assistance_requests'
  | 'applications'
  | 'ticket_ranges'
  | 'tickets'
  | 'appointments'
  | 'ratings'
  | 'work_orders';

// Table names cannot be bound parameters; each statement is spelled out for a known table.
const NEXT_SEQ: Record<DailyNumberedTable, string> = {
  inspections: 'SELECT coalesce(max(seq), 0) + 1 FROM inspections WHERE day = ?',
  assistance_requests: 'SELECT coalesce(max(seq), 0) + 1 FROM assistance_requests WHERE day = ?',
  applications: 'SELECT coalesce(max(seq), 0) + 1 FROM applications WHERE day = ?',
  ticket_ranges: 'SELECT coalesce(max(seq), 0) + 1 FROM ticket_ranges WHERE day = ?',
  tickets: 'SELECT coalesce(max(seq), 0) + 1 FROM tickets WHERE day = ?',
  appointments: 'SELECT coalesce(max(seq), 0) + 1 FROM appointments WHERE day = ?',
  ratings: 'SELECT coalesce(max(seq), 0) + 1 FROM ratings WHERE day = ?',
  work_orders: 'SELECT coalesce(max(seq), 0) + 1 FROM work_orders WHERE day = ?',
};

/** The next number of the day; call inside the transaction that inserts the row. */
export function nextDaySequence(db: Database.Database, table: DailyNumberedTable, day: string): number {
  const next = db.prepare(NEXT_SEQ[table]).pluck().get(day);
  if (typeof next !== 'number') throw new Error(`sequence query on ${table} returned ${String(next)}`);
  return next;
}

export function dailyId(prefix: string, compactDay: string, seq: number): string {
  return `${prefix}-${compactDay}-${String(seq).padStart(4, '0')}`;
}

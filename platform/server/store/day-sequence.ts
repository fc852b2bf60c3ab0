import type Database from 'better-sqlite3';

/** Tables whose ids are numbered per China Standard Time day: PREFIX-YYYYMMDD-NNNN. */
export type DailyNumberedTable = 'inspections' | 'assistance_requests';

// Table names cannot be bound parameters; each statement is spelled out for a known table.
const NEXT_SEQ: Record<DailyNumberedTable, string> = {
  inspections: 'SELECT coalesce(max(seq), 0) + 1 FROM inspections WHERE day = ?',
  assistance_requests: 'SELECT coalesce(max(seq), 0) + 1 FROM assistance_requests WHERE day = ?',
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

import type { SqlQueries } from '../db/sql';

/** Tables whose ids are numbered per China Standard Time day: PREFIX-YYYYMMDD-NNNN. */
export type DailyNumberedTable =
  | 'inspections'
  | 'assistance_requests'
  | 'applications'
  | 'ticket_ranges'
  | 'tickets'
  | 'appointments'
  | 'ratings'
  | 'work_orders'
  | 'video_calls';

const TABLES: ReadonlySet<DailyNumberedTable> = new Set<DailyNumberedTable>([
  'inspections',
  'assistance_requests',
  'applications',
  'ticket_ranges',
  'tickets',
  'appointments',
  'ratings',
  'work_orders',
  'video_calls',
]);

/**
 * The next number of the day; call inside the transaction that inserts the row. A counter row per
 * (table, day) in day_sequences (migration 0010), bumped with one upsert: on PostgreSQL two
 * instances numbering at once queue on that row's lock instead of both reading the same max(seq)
 * and one failing on UNIQUE (day, seq). A day's first number starts after whatever rows that day
 * already has (rows stored before the counter existed).
 */
export async function nextDaySequence(db: SqlQueries, table: DailyNumberedTable, day: string): Promise<number> {
  // Table names cannot be bound parameters; `table` is one of the known names (checked).
  if (!TABLES.has(table)) throw new Error(`not a daily numbered table: ${String(table)}`);
  const row = await db.get<{ last_seq: number }>(
    `INSERT INTO day_sequences (table_name, day, last_seq)
     VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM ${table} WHERE day = ?))
     ON CONFLICT (table_name, day) DO UPDATE SET last_seq = day_sequences.last_seq + 1
     RETURNING last_seq`,
    [table, day, day],
  );
  if (typeof row?.last_seq !== 'number')
    throw new Error(`sequence upsert on ${table} returned ${String(row?.last_seq)}`);
  return row.last_seq;
}

export function dailyId(prefix: string, compactDay: string, seq: number): string {
  return `${prefix}-${compactDay}-${String(seq).padStart(4, '0')}`;
}

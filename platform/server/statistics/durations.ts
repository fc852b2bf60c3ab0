import type { Durations } from '../../contract/console/statistics-views';
import type { SqlEngine } from '../db/sql';

/**
 * Average and p90 of a set of durations per group, in SQL: the values are ranked per group by a
 * window function and the ⌈0.9·n⌉-th (nearest rank; (9n + 9) / 10 in integer arithmetic) is
 * picked, so a year of tickets is never loaded into the process. `valuesSql` selects (g, value)
 * rows, value in seconds. The same SQL on both engines: window functions, and count(*) OVER is an
 * integer on both, so the division is integer division on both.
 */
export function durationsSql(valuesSql: string): string {
  return `WITH v AS (${valuesSql}),
    ranked AS (
      SELECT g, value, row_number() OVER (PARTITION BY g ORDER BY value) AS rn, count(*) OVER (PARTITION BY g) AS n
      FROM v
    )
    SELECT g, count(*) AS measured, avg(value) AS average, max(CASE WHEN rn = (9 * n + 9) / 10 THEN value END) AS p90
    FROM ranked GROUP BY g`;
}

export interface DurationRow {
  readonly g: string;
  readonly measured: number;
  readonly average: number | null;
  readonly p90: number | null;
}

export const NO_DURATIONS: Durations = { measured: 0, averageSeconds: null, p90Seconds: null };

export function durationsOf(row: DurationRow | undefined): Durations {
  if (!row || row.measured === 0) return NO_DURATIONS;
  return { measured: row.measured, averageSeconds: row.average, p90Seconds: row.p90 };
}

/**
 * Seconds since 1970 of an ISO instant column, in SQL, to the millisecond: SQLite's unixepoch with
 * 'subsec' (julianday would round off), PostgreSQL's epoch of the text cast to timestamptz (a
 * numeric, exact; the instants carry their zone, so the session's time zone does not matter).
 */
export function epochSeconds(engine: SqlEngine, instant: string): string {
  return engine === 'sqlite'
    ? `unixepoch(${instant}, 'subsec')`
    : `EXTRACT(EPOCH FROM CAST(${instant} AS TIMESTAMPTZ))`;
}

/** Seconds between two ISO instants, in SQL, to the millisecond. */
export const secondsBetween = (engine: SqlEngine, from: string, to: string): string =>
  `(${epochSeconds(engine, to)} - ${epochSeconds(engine, from)})`;

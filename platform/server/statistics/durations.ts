import type { Durations } from '../../contract/console/statistics-views';

/**
 * Average and p90 of a set of durations per group, in SQL: the values are ranked per group by a
 * window function and the ⌈0.9·n⌉-th (nearest rank; (9n + 9) / 10 in integer arithmetic) is
 * picked, so a year of tickets is never loaded into the process. `valuesSql` selects (g, value)
 * rows, value in seconds.
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

/** Seconds between two ISO instants, in SQL, to the millisecond (julianday would round off). */
export const secondsBetween = (from: string, to: string): string =>
  `(unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec'))`;

import type { CallDurations } from '../../contract/console/statistics-views';

/**
 * Average, median and p90 of a set of durations per group, in SQL, as durationsSql (durations.ts)
 * does for tickets: the values are ranked per group by a window function, so the calls of a year
 * are never loaded into the process. The median is the mean of the values ranked ⌊(n+1)/2⌋ and
 * ⌊(n+2)/2⌋ (the same row for an odd n, the two middle ones for an even n); p90 is the ⌈0.9·n⌉-th
 * (nearest rank, (9n + 9) / 10). count(*) OVER and row_number() are integers on both engines, so
 * the divisions are integer divisions on both. `valuesSql` selects (g, value) rows, value in seconds.
 */
export function callDurationsSql(valuesSql: string): string {
  return `WITH v AS (${valuesSql}),
    ranked AS (
      SELECT g, value, row_number() OVER (PARTITION BY g ORDER BY value) AS rn, count(*) OVER (PARTITION BY g) AS n
      FROM v
    )
    SELECT g, count(*) AS measured, avg(value) AS average,
      avg(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN value END) AS median,
      max(CASE WHEN rn = (9 * n + 9) / 10 THEN value END) AS p90
    FROM ranked GROUP BY g`;
}

export interface CallDurationRow {
  readonly g: string;
  readonly measured: number;
  readonly average: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export const NO_CALL_DURATIONS: CallDurations = {
  measured: 0,
  averageSeconds: null,
  medianSeconds: null,
  p90Seconds: null,
};

/** Numbers as the adapters give them; PostgreSQL's numeric is parsed, but a mean of nothing is null. */
const seconds = (value: number | null): number | null => (value === null ? null : Number(value));

export function callDurationsOf(row: CallDurationRow | undefined): CallDurations {
  if (!row || Number(row.measured) === 0) return NO_CALL_DURATIONS;
  return {
    measured: Number(row.measured),
    averageSeconds: seconds(row.average),
    medianSeconds: seconds(row.median),
    p90Seconds: seconds(row.p90),
  };
}

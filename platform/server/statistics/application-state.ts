import type { ApplicationState } from '../../contract/console/statistics-views';
import type { SqlEngine } from '../db/sql';
import { epochSeconds } from './durations';

/**
 * An application's state at :now as SQL, so statistics count states without opening a single
 * application. It follows platform/server/store/case-progress.ts (the reference platform derives
 * progress from time): 即办件 are completed; a promised case is accepted for the first 5 % of the
 * span from acceptance to 17:00 CST (09:00 UTC) of the promised day (at least an hour), in review
 * until 80 %, then ready for pick-up, or mailed and completed three days later.
 * application-state.test.ts checks this against caseProgress.
 *
 * Instants are counted in days since 1970 (only differences and comparisons matter); `:now` is an
 * ISO instant. The promised day's 17:00 CST is written with its zone (…T09:00:00Z), which both
 * engines read as UTC.
 */
export function applicationStateSql(engine: SqlEngine, alias: string): string {
  const days = (instant: string) => `(${epochSeconds(engine, instant)} / 86400.0)`;
  const start = days(`${alias}.accepted_at`);
  const greatest = engine === 'sqlite' ? 'max' : 'greatest';
  const span = `${greatest}(${days(`${alias}.promised_by || 'T09:00:00Z'`)} - ${start}, 1.0 / 24)`;
  const now = days(engine === 'sqlite' ? ':now' : 'CAST(:now AS TEXT)');
  return `CASE
    WHEN ${alias}.case_type = 'instant' OR ${alias}.promised_by IS NULL THEN 'completed'
    WHEN ${now} < ${start} + ${span} * 0.05 THEN 'accepted'
    WHEN ${now} < ${start} + ${span} * 0.8 THEN 'inReview'
    WHEN ${alias}.delivery_method = 'pickUp' THEN 'readyForPickup'
    WHEN ${now} < ${start} + ${span} * 0.8 + 3 THEN 'mailed'
    ELSE 'completed' END`;
}

export const APPLICATION_STATES: readonly ApplicationState[] = [
  'accepted',
  'inReview',
  'readyForPickup',
  'mailed',
  'completed',
];

/** The words of the 台账's 状态 column. */
export const APPLICATION_STATE_NAMES: Record<ApplicationState, string> = {
  accepted: '已受理',
  inReview: '审核中',
  readyForPickup: '办结待领取',
  mailed: '已邮寄',
  completed: '已办结',
};

import type { ApplicationState } from '../../contract/console/statistics-views';

/**
 * An application's state at :now as SQL, so statistics count states without opening a single
 * application. It follows platform/server/store/case-progress.ts (the reference platform derives
 * progress from time): 即办件 are completed; a promised case is accepted for the first 5 % of the
 * span from acceptance to 17:00 CST (09:00 UTC) of the promised day (at least an hour), in review
 * until 80 %, then ready for pick-up, or mailed and completed three days later.
 * application-state.test.ts checks this against caseProgress.
 */
export function applicationStateSql(alias: string): string {
  const start = `julianday(${alias}.accepted_at)`;
  const span = `max(julianday(${alias}.promised_by || ' 09:00:00') - ${start}, 1.0 / 24)`;
  const now = 'julianday(:now)';
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

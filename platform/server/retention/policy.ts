import { err, ok, type Result } from '../../../core/pure/result';
import { IDEMPOTENCY_RETENTION_DAYS } from '../../contract/endpoints';

/**
 * How long the platform keeps what kiosks send (PIPL art. 19: no longer than needed for the
 * purpose). Every period counts whole days from a moment the record itself carries.
 *
 * - Stored idempotent answers: the contract promises IDEMPOTENCY_RETENTION_DAYS, so a kiosk that
 *   retries within it gets the first answer (draft-ietf-httpapi-idempotency-key-header asks the
 *   server to publish how long keys stay valid; the OpenAPI document does). Uploaded material no
 *   application refers to is kept as long: the application that needs it comes within a retry.
 * - Applications (办件) and the materials they refer to are the county's record of what it
 *   decided, kept for years like the paper files of a service hall: the national rule for
 *   government files (国家档案局令第8号, 2006) keeps them 10 years, 30 years or permanently, and
 *   the county decides which, so the default is the shortest of those and the setting is the
 *   county's.
 * - Service records: appointments once their day has passed, assistance requests after their last
 *   change, ratings and their work orders after acceptance. Half a year covers the 15-working-day
 *   follow-up of a bad rating, disputes about a missed appointment and the yearly 好差评 report
 *   season with room to spare, and is still short.
 */
export interface PlatformRetention {
  readonly idempotencyDays: number;
  readonly applicationDays: number;
  readonly serviceRecordDays: number;
}

export const DEFAULT_RETENTION: PlatformRetention = {
  idempotencyDays: IDEMPOTENCY_RETENTION_DAYS,
  applicationDays: 3650,
  serviceRecordDays: 180,
};

/**
 * The shortest periods the platform accepts: below them it would break a promise (the contract's
 * idempotency window), forget a work order before its follow-up, or forget a case residents are
 * still looking up.
 */
export const MINIMUM_RETENTION: PlatformRetention = {
  idempotencyDays: IDEMPOTENCY_RETENTION_DAYS,
  applicationDays: 365,
  serviceRecordDays: 30,
};

const MAXIMUM_DAYS = 100 * 366;

/** Fills in the defaults and refuses a period that is not a whole number of days in range. */
export function resolveRetention(given: Partial<PlatformRetention> = {}): Result<PlatformRetention, string> {
  const retention = { ...DEFAULT_RETENTION, ...given };
  for (const name of Object.keys(DEFAULT_RETENTION) as Array<keyof PlatformRetention>) {
    const days = retention[name];
    const minimum = MINIMUM_RETENTION[name];
    if (!Number.isInteger(days) || days < minimum || days > MAXIMUM_DAYS) {
      return err(`retention ${name} must be a whole number of days from ${minimum} to ${MAXIMUM_DAYS}; got ${days}`);
    }
  }
  return ok(retention);
}

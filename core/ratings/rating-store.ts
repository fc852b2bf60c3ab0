import type Database from 'better-sqlite3';
import { z } from 'zod';
import { IsoDate } from '../../platform/contract/common';
import type { RatingSubmission } from '../../platform/contract/ratings';
import type { RatingResult } from '../api/care';
import type { ServiceKindRated } from '../api/resident';
import { enqueue, getOutboxItem, type DataSealer } from '../outbox';

/**
 * Ratings as given at this kiosk (migration 0009). The rating row and its outbox row are written
 * in one transaction; the row's UNIQUE (service_kind, service_ref) keeps 一次一评 across restarts,
 * and once the retention purge removed a delivered rating, its keyed hash in rated_service
 * (migration 0010) keeps it: a case looked up again months later is still rated once.
 */

export interface NewRating {
  readonly confirmationId: string;
  readonly body: RatingSubmission;
}

export type SaveRatingOutcome =
  | { readonly kind: 'saved'; readonly outboxId: number }
  /** The same confirmation arrived again (a retried call): nothing new was stored. */
  | { readonly kind: 'sameConfirmation'; readonly outboxId: number }
  | { readonly kind: 'alreadyRated' };

export function saveRating(db: Database.Database, sealer: DataSealer, rating: NewRating, now: Date): SaveRatingOutcome {
  const { body } = rating;
  return db.transaction((): SaveRatingOutcome => {
    const earlier = findRatingByConfirmation(db, rating.confirmationId);
    if (earlier) return { kind: 'sameConfirmation', outboxId: earlier.outboxId };
    if (isRated(db, sealer, body.subject.kind, body.subject.ref)) return { kind: 'alreadyRated' };
    // The key comes from the resident's confirmation: a retry can never reach the platform as a new rating.
    const queued = enqueue(
      db,
      sealer,
      { kind: 'rating', operation: 'submitRating', body, idempotencyKey: `${rating.confirmationId}:rating` },
      now,
    );
    db.prepare(
      `INSERT INTO rating (confirmation_id, service_kind, service_ref, level, options_version, rated_at, offline, outbox_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      rating.confirmationId,
      body.subject.kind,
      body.subject.ref,
      body.level,
      body.optionsVersion,
      body.ratedAt,
      body.offline ? 1 : 0,
      queued.id,
    );
    return { kind: 'saved', outboxId: queued.id };
  })();
}

export function findRatingByConfirmation(db: Database.Database, confirmationId: string): { outboxId: number } | null {
  const outboxId = db.prepare('SELECT outbox_id FROM rating WHERE confirmation_id = ?').pluck().get(confirmationId) as
    number | undefined;
  return outboxId === undefined ? null : { outboxId };
}

export function isRated(db: Database.Database, sealer: DataSealer, kind: ServiceKindRated, ref: string): boolean {
  if (db.prepare('SELECT 1 FROM rating WHERE service_kind = ? AND service_ref = ?').get(kind, ref) !== undefined) {
    return true;
  }
  return (
    db.prepare('SELECT 1 FROM rated_service WHERE service_key = ?').get(ratedServiceKey(sealer, kind, ref)) !==
    undefined
  );
}

/** What rated_service keeps of a purged rating: a keyed hash of the service, nothing readable. */
export function ratedServiceKey(sealer: DataSealer, kind: string, ref: string): string {
  return sealer.indexKey('ratedService', `${kind}\u0000${ref}`);
}

/** Only what the kiosk shows; the platform may say more. */
const RatingAnswer = z.object({
  workOrderNo: z.string().nullable().optional(),
  followUpBy: IsoDate.nullable().optional(),
});

/** Where the rating is: delivered (with its 差评 work order, if any) or still saved here. */
export function ratingResult(db: Database.Database, outboxId: number): RatingResult {
  const item = getOutboxItem(db, outboxId);
  if (item?.state !== 'sent') return { status: 'savedOffline', workOrderNo: null, followUpBy: null };
  const answer = RatingAnswer.safeParse(item.response);
  return {
    status: 'delivered',
    workOrderNo: answer.success ? (answer.data.workOrderNo ?? null) : null,
    followUpBy: answer.success ? (answer.data.followUpBy ?? null) : null,
  };
}

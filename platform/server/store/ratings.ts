import type { SqlQueries } from '../db/sql';
import { err, ok, type Result } from '../../../core/pure/result';
import {
  BAD_RATING_MAX_LEVEL,
  type RatingAccepted,
  type RatingSubject,
  type RatingSubmission,
} from '../../contract/ratings';
import type { TicketForRating } from '../../contract/ticket-rating';
import type { PlatformSealer } from '../sealing/sealer';
import { addWorkingDays, chinaDay, compactChinaDay } from '../time';
import { currentWorkingDays } from './published';
import { recordArrival } from './arrivals';
import { dailyId, nextDaySequence } from './day-sequence';

/**
 * 好差评 ratings, one per subject (kind + resolved ref), and the work orders of bad ones
 * (不满意 / 非常不满意): WO-YYYYMMDD-NNNN, to be followed up within 15 working days of the day the
 * platform received the rating, counted on the published working calendar (public holidays off,
 * make-up Saturdays and Sundays worked: platform/contract/working-days.ts). The rating is stored
 * sealed: a bad one carries the phone the work order calls back on. Staff work the order in the
 * console (platform/server/work-orders/).
 */

export const FOLLOW_UP_WORKING_DAYS = 15;

export async function isRated(db: SqlQueries, subject: RatingSubject): Promise<boolean> {
  const row = await db.get('SELECT 1 AS rated FROM ratings WHERE subject_kind = ? AND subject_ref = ?', [
    subject.kind,
    subject.ref,
  ]);
  return row !== undefined;
}

/** The subject already has its one rating (一次一评): the contract's 409 ratingAlreadyExists. */
export interface AlreadyRated {
  readonly kind: 'alreadyRated';
}

/**
 * Stores the subject's one rating, and the work order of a bad one, or answers alreadyRated when
 * the subject has a rating, even one another instance committed a moment ago. Call inside the
 * transaction that stores the idempotent answer.
 */
export async function recordRatingOnce(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  rating: RatingSubmission,
  subject: RatingSubject,
  now: Date,
): Promise<Result<RatingAccepted, AlreadyRated>> {
  const day = chinaDay(now);
  const compact = compactChinaDay(now);
  const seq = await nextDaySequence(db, 'ratings', day);
  const ratingId = dailyId('RT', compact, seq);
  const acceptedAt = now.toISOString();
  // One rating per subject, kept by UNIQUE (subject_kind, subject_ref), not by isRated: two
  // instances rating the same subject at once both find it unrated. ON CONFLICT DO NOTHING makes
  // the later one wait for the earlier to commit and then insert nothing, without an error that
  // would abort its transaction on PostgreSQL; no row back means already rated. The number it drew
  // stays unused (rating ids are unique, not gapless).
  const inserted = await db.get<{ ratingId: string }>(
    `INSERT INTO ratings (rating_id, day, seq, terminal_id, station_id, subject_kind, subject_ref, submitted_ref,
       level, options_version, sealed_rating, rated_at, accepted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (subject_kind, subject_ref) DO NOTHING
     RETURNING rating_id AS "ratingId"`,
    [
      ratingId,
      day,
      seq,
      terminalId,
      rating.stationId,
      subject.kind,
      subject.ref,
      rating.subject.ref,
      rating.level,
      rating.optionsVersion,
      sealer.sealJson('ratings.sealed_rating', ratingId, rating),
      rating.ratedAt,
      acceptedAt,
    ],
  );
  if (inserted === undefined) return err({ kind: 'alreadyRated' });
  await recordArrival(db, 'rating', ratingId, now);

  let workOrderNo: string | null = null;
  let followUpBy: string | null = null;
  if (rating.level <= BAD_RATING_MAX_LEVEL) {
    // Only the transaction that stored the rating gets here, so a rating has at most one work
    // order (work_orders.rating_id is UNIQUE as well).
    const orderSeq = await nextDaySequence(db, 'work_orders', day);
    workOrderNo = dailyId('WO', compact, orderSeq);
    followUpBy = addWorkingDays(day, FOLLOW_UP_WORKING_DAYS, await currentWorkingDays(db));
    await db.run(
      `INSERT INTO work_orders (work_order_no, day, seq, rating_id, status, follow_up_by, created_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?)`,
      [workOrderNo, day, orderSeq, ratingId, followUpBy, acceptedAt],
    );
  }
  return ok({ ratingId, subject, level: rating.level, acceptedAt, workOrderNo, followUpBy });
}

/** recordRatingOnce for a subject the caller knows is unrated (seeding, tests): a rated one is a bug. */
export async function recordRating(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  rating: RatingSubmission,
  subject: RatingSubject,
  now: Date,
): Promise<RatingAccepted> {
  const recorded = await recordRatingOnce(db, sealer, terminalId, rating, subject, now);
  if (!recorded.ok) throw new Error(`${subject.kind} ${subject.ref} is already rated`);
  return recorded.value;
}

export async function ratingRowCount(db: SqlQueries): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM ratings');
  return row?.count ?? 0;
}

/**
 * Today's ticket with a number at a station, as far as rating it goes: rateable once a window
 * finished it (ticket_states.status = 'finished'), and only once (一次一评).
 */
export async function findTicketForRating(
  db: SqlQueries,
  stationId: string,
  ticketNo: string,
  day: string,
): Promise<TicketForRating> {
  const row = await db.get<{
    ticketId: string;
    ticketNo: string;
    day: string;
    serviceCode: string;
    matterCode: string | null;
    status: string | null;
    finishedAt: string | null;
  }>(
    `SELECT t.ticket_id AS "ticketId", t.ticket_no AS "ticketNo", t.day, t.service_code AS "serviceCode",
            t.matter_code AS "matterCode", s.status, s.finished_at AS "finishedAt"
     FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE t.station_id = ? AND t.day = ? AND t.ticket_no = ?
     ORDER BY t.seq DESC LIMIT 1`,
    [stationId, day, ticketNo],
  );
  if (!row) return { status: 'notFound' };
  if (row.status !== 'finished' || row.finishedAt === null) return { status: 'notFinished', ticketNo: row.ticketNo };
  return {
    status: 'finished',
    ticketId: row.ticketId,
    ticketNo: row.ticketNo,
    day: row.day,
    serviceCode: row.serviceCode,
    matterCode: row.matterCode,
    finishedAt: row.finishedAt,
    rated: await isRated(db, { kind: 'ticket', ref: row.ticketId }),
  };
}

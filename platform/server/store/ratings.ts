import type Database from 'better-sqlite3';
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

export function isRated(db: Database.Database, subject: RatingSubject): boolean {
  return (
    db.prepare('SELECT 1 FROM ratings WHERE subject_kind = ? AND subject_ref = ?').get(subject.kind, subject.ref) !==
    undefined
  );
}

export function recordRating(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  rating: RatingSubmission,
  subject: RatingSubject,
  now: Date,
): RatingAccepted {
  const day = chinaDay(now);
  const compact = compactChinaDay(now);
  const seq = nextDaySequence(db, 'ratings', day);
  const ratingId = dailyId('RT', compact, seq);
  const acceptedAt = now.toISOString();
  db.prepare(
    `INSERT INTO ratings (rating_id, day, seq, terminal_id, station_id, subject_kind, subject_ref, submitted_ref,
       level, options_version, sealed_rating, rated_at, accepted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
  );
  recordArrival(db, 'rating', ratingId, now);

  let workOrderNo: string | null = null;
  let followUpBy: string | null = null;
  if (rating.level <= BAD_RATING_MAX_LEVEL) {
    const orderSeq = nextDaySequence(db, 'work_orders', day);
    workOrderNo = dailyId('WO', compact, orderSeq);
    followUpBy = addWorkingDays(day, FOLLOW_UP_WORKING_DAYS, currentWorkingDays(db));
    db.prepare(
      `INSERT INTO work_orders (work_order_no, day, seq, rating_id, status, follow_up_by, created_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?)`,
    ).run(workOrderNo, day, orderSeq, ratingId, followUpBy, acceptedAt);
  }
  return { ratingId, subject, level: rating.level, acceptedAt, workOrderNo, followUpBy };
}

export function ratingRowCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM ratings').pluck().get() as number;
}

/**
 * Today's ticket with a number at a station, as far as rating it goes: rateable once a window
 * finished it (ticket_states.status = 'finished'), and only once (一次一评).
 */
export function findTicketForRating(
  db: Database.Database,
  stationId: string,
  ticketNo: string,
  day: string,
): TicketForRating {
  const row = db
    .prepare(
      `SELECT t.ticket_id AS ticketId, t.ticket_no AS ticketNo, t.day, t.service_code AS serviceCode,
              t.matter_code AS matterCode, s.status, s.finished_at AS finishedAt
       FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
       WHERE t.station_id = ? AND t.day = ? AND t.ticket_no = ?
       ORDER BY t.seq DESC LIMIT 1`,
    )
    .get(stationId, day, ticketNo) as
    | {
        ticketId: string;
        ticketNo: string;
        day: string;
        serviceCode: string;
        matterCode: string | null;
        status: string | null;
        finishedAt: string | null;
      }
    | undefined;
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
    rated: isRated(db, { kind: 'ticket', ref: row.ticketId }),
  };
}

import type { SqlQueries } from '../db/sql';
import type Database from 'better-sqlite3';
import { chinaDay } from '../time';
import type { PlatformRetention } from './policy';

/**
 * Forgets what has outlived its retention (policy.ts), in one transaction. On SQLite the caller
 * then checkpoints the WAL and truncates it: with secure_delete on (db/open.ts) the deleted rows
 * are overwritten with zeros in the pages the checkpoint writes back, and truncating the WAL drops
 * the frames that still held them. PostgreSQL has no such step: VACUUM reclaims dead rows.
 *
 * Every instance runs the purge on its own timer; two at once are harmless: each DELETE takes the
 * rows it finds, a row the other deleted first is simply not counted twice, and the order below
 * (children before their parents) holds inside each transaction.
 */

export interface PurgeCounts {
  readonly idempotencyRecords: number;
  readonly applications: number;
  readonly materials: number;
  readonly appointments: number;
  readonly assistanceRequests: number;
  readonly ratings: number;
  /** 视频帮办 calls forgotten with their help request, and recordings (video-help/recordings.ts). */
  readonly videoCalls: number;
  readonly videoRecordings: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const before = (now: Date, days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();

export function purgeExpired(db: SqlQueries, retention: PlatformRetention, now: Date): Promise<PurgeCounts> {
  const transient = before(now, retention.idempotencyDays);
  const caseCutoff = before(now, retention.applicationDays);
  const serviceCutoff = before(now, retention.serviceRecordDays);
  const serviceDay = chinaDay(new Date(serviceCutoff));

  return db.transaction(async (tx): Promise<PurgeCounts> => {
    const run = async (sql: string, ...params: string[]) => (await tx.run(sql, params)).changes;
    const idempotencyRecords = await run('DELETE FROM idempotency_records WHERE created_at < ?', transient);

    await run(
      `DELETE FROM record_arrivals WHERE kind = 'application'
         AND record_id IN (SELECT case_no FROM applications WHERE accepted_at < ?)`,
      caseCutoff,
    );
    await run(
      'DELETE FROM application_materials WHERE case_no IN (SELECT case_no FROM applications WHERE accepted_at < ?)',
      caseCutoff,
    );
    const applications = await run('DELETE FROM applications WHERE accepted_at < ?', caseCutoff);
    // Material no remaining application refers to: its application was forgotten just now, or it
    // never came within the idempotency window.
    const materials = await run(
      `DELETE FROM materials WHERE stored_at < ?
         AND NOT EXISTS (SELECT 1 FROM application_materials l WHERE l.sha256 = materials.sha256)`,
      transient,
    );

    await run(
      `DELETE FROM record_arrivals WHERE kind = 'appointment'
         AND record_id IN (SELECT appointment_id FROM appointments WHERE slot_day < ?)`,
      serviceDay,
    );
    const appointments = await run('DELETE FROM appointments WHERE slot_day < ?', serviceDay);

    // 视频帮办: a recording lives no longer than the service-record period, nor than its call; a
    // call is forgotten with its help request (video_calls refers to it). Relay rows are deleted
    // when a call ends; any left by an instance that died mid-call go after a day.
    const videoRecordings = await run(
      `DELETE FROM video_call_recordings WHERE stored_at < ? OR call_id IN (SELECT call_id FROM video_calls
         WHERE request_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?))`,
      serviceCutoff,
      serviceCutoff,
    );
    await run(
      `DELETE FROM video_relay WHERE at < ? OR call_id IN (SELECT call_id FROM video_calls WHERE status = 'ended')
         OR call_id IN (SELECT call_id FROM video_calls
           WHERE request_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?))`,
      before(now, 1),
      serviceCutoff,
    );
    const videoCalls = await run(
      'DELETE FROM video_calls WHERE request_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?)',
      serviceCutoff,
    );

    // The reference platform has no staff workflow that closes a request, so an open one is
    // forgotten too once nothing happened to it for the whole period.
    await run(
      `DELETE FROM record_arrivals WHERE kind = 'assistanceRequest'
         AND record_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?)`,
      serviceCutoff,
    );
    // Staff's contacts go with their request (a request worked on by staff, a video call's note,
    // would otherwise hold its row forever: assistance_contacts refers to it).
    await run(
      `DELETE FROM assistance_contacts
         WHERE request_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?)`,
      serviceCutoff,
    );
    const assistanceRequests = await run('DELETE FROM assistance_requests WHERE updated_at < ?', serviceCutoff);

    await run(
      `DELETE FROM record_arrivals WHERE kind = 'rating'
         AND record_id IN (SELECT rating_id FROM ratings WHERE accepted_at < ?)`,
      serviceCutoff,
    );
    await run(
      'DELETE FROM work_orders WHERE rating_id IN (SELECT rating_id FROM ratings WHERE accepted_at < ?)',
      serviceCutoff,
    );
    const ratings = await run('DELETE FROM ratings WHERE accepted_at < ?', serviceCutoff);

    return {
      idempotencyRecords,
      applications,
      materials,
      appointments,
      assistanceRequests,
      ratings,
      videoCalls,
      videoRecordings,
    };
  });
}

/**
 * SQLite only: copies the WAL into the database file and truncates it to zero bytes. PostgreSQL
 * has no counterpart to call after a purge.
 */
export function checkpointWal(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

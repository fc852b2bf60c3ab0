import type Database from 'better-sqlite3';
import { chinaDay } from '../time';
import type { PlatformRetention } from './policy';

/**
 * Forgets what has outlived its retention (policy.ts), in one transaction, then checkpoints the
 * WAL and truncates it. With secure_delete on (db/open.ts) the deleted rows are overwritten with
 * zeros in the pages the checkpoint writes back; truncating the WAL drops the frames that still
 * held them.
 */

export interface PurgeCounts {
  readonly idempotencyRecords: number;
  readonly applications: number;
  readonly materials: number;
  readonly appointments: number;
  readonly assistanceRequests: number;
  readonly ratings: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const before = (now: Date, days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();

export function purgeExpired(db: Database.Database, retention: PlatformRetention, now: Date): PurgeCounts {
  const transient = before(now, retention.idempotencyDays);
  const caseCutoff = before(now, retention.applicationDays);
  const serviceCutoff = before(now, retention.serviceRecordDays);
  const serviceDay = chinaDay(new Date(serviceCutoff));
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;

  return db.transaction((): PurgeCounts => {
    const idempotencyRecords = run('DELETE FROM idempotency_records WHERE created_at < ?', transient);

    run(
      `DELETE FROM record_arrivals WHERE kind = 'application'
         AND record_id IN (SELECT case_no FROM applications WHERE accepted_at < ?)`,
      caseCutoff,
    );
    run(
      'DELETE FROM application_materials WHERE case_no IN (SELECT case_no FROM applications WHERE accepted_at < ?)',
      caseCutoff,
    );
    const applications = run('DELETE FROM applications WHERE accepted_at < ?', caseCutoff);
    // Material no remaining application refers to: its application was forgotten just now, or it
    // never came within the idempotency window.
    const materials = run(
      `DELETE FROM materials WHERE stored_at < ?
         AND NOT EXISTS (SELECT 1 FROM application_materials l WHERE l.sha256 = materials.sha256)`,
      transient,
    );

    run(
      `DELETE FROM record_arrivals WHERE kind = 'appointment'
         AND record_id IN (SELECT appointment_id FROM appointments WHERE slot_day < ?)`,
      serviceDay,
    );
    const appointments = run('DELETE FROM appointments WHERE slot_day < ?', serviceDay);

    // The reference platform has no staff workflow that closes a request, so an open one is
    // forgotten too once nothing happened to it for the whole period.
    run(
      `DELETE FROM record_arrivals WHERE kind = 'assistanceRequest'
         AND record_id IN (SELECT request_id FROM assistance_requests WHERE updated_at < ?)`,
      serviceCutoff,
    );
    const assistanceRequests = run('DELETE FROM assistance_requests WHERE updated_at < ?', serviceCutoff);

    run(
      `DELETE FROM record_arrivals WHERE kind = 'rating'
         AND record_id IN (SELECT rating_id FROM ratings WHERE accepted_at < ?)`,
      serviceCutoff,
    );
    run(
      'DELETE FROM work_orders WHERE rating_id IN (SELECT rating_id FROM ratings WHERE accepted_at < ?)',
      serviceCutoff,
    );
    const ratings = run('DELETE FROM ratings WHERE accepted_at < ?', serviceCutoff);

    return { idempotencyRecords, applications, materials, appointments, assistanceRequests, ratings };
  })();
}

/** Copies the WAL into the database file and truncates it to zero bytes. */
export function checkpointWal(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

import type Database from 'better-sqlite3';
import type { DataSealer } from '../outbox/data-sealer';
import { ratedServiceKey } from '../ratings/rating-store';
import { chinaDay } from '../time/china-time';

export interface StorePurgeReport {
  readonly applications: number;
  readonly ratings: number;
  readonly assistanceRequests: number;
  readonly tickets: number;
  readonly outboxRows: number;
  readonly printJobs: number;
}

/** An outbox row the platform confirmed before the cutoff; `o` is the outbox alias. */
const DELIVERED_BEFORE = `(o.state = 'sent' AND o.sent_at < @before)`;

/**
 * Deletes from the store what the platform confirmed receiving before `cutoff`, with everything
 * that points at it: applications (with their sealed scans and pages, once every matter and
 * material of the application is delivered), ratings (leaving a keyed hash so 一次一评 holds),
 * help requests, queue tickets, the outbox rows themselves and old print-ledger rows.
 *
 * Never touched: anything not yet delivered, dead letters (kept for staff until they retry), and
 * inspections (the technicians' own record; their outbox bodies were dropped when sent). One
 * transaction; secure_delete (asserted by openStore) zeroes the freed bytes.
 */
export function purgeDelivered(db: Database.Database, sealer: DataSealer, cutoff: Date): StorePurgeReport {
  const before = { before: cutoff.toISOString() };
  return db.transaction((): StorePurgeReport => {
    const applications = db
      .prepare(
        `SELECT a.local_ref FROM application a
         WHERE NOT EXISTS (SELECT 1 FROM application_matter m JOIN outbox o ON o.id = m.outbox_id
                           WHERE m.local_ref = a.local_ref AND NOT ${DELIVERED_BEFORE})
           AND NOT EXISTS (SELECT 1 FROM application_blob b JOIN outbox o ON o.id = b.outbox_id
                           WHERE b.local_ref = a.local_ref AND NOT ${DELIVERED_BEFORE})`,
      )
      .pluck()
      .all(before) as string[];
    const deletePages = db.prepare('DELETE FROM application_page WHERE local_ref = ?');
    const deleteBlobs = db.prepare('DELETE FROM application_blob WHERE local_ref = ?');
    const deleteMatters = db.prepare('DELETE FROM application_matter WHERE local_ref = ?');
    const deleteApplication = db.prepare('DELETE FROM application WHERE local_ref = ?');
    for (const localRef of applications) {
      deletePages.run(localRef);
      deleteBlobs.run(localRef);
      deleteMatters.run(localRef);
      deleteApplication.run(localRef);
    }

    const ratings = db
      .prepare(
        `SELECT r.id, r.service_kind AS kind, r.service_ref AS ref, r.rated_at AS ratedAt
         FROM rating r JOIN outbox o ON o.id = r.outbox_id WHERE ${DELIVERED_BEFORE}`,
      )
      .all(before) as Array<{ id: number; kind: string; ref: string; ratedAt: string }>;
    const remember = db.prepare('INSERT OR IGNORE INTO rated_service (service_key, rated_on) VALUES (?, ?)');
    const deleteRating = db.prepare('DELETE FROM rating WHERE id = ?');
    for (const rating of ratings) {
      remember.run(ratedServiceKey(sealer, rating.kind, rating.ref), chinaDay(new Date(rating.ratedAt)));
      deleteRating.run(rating.id);
    }

    const assistanceRequests = db
      .prepare(
        `DELETE FROM assistance_request WHERE outbox_id IN
           (SELECT o.id FROM outbox o WHERE ${DELIVERED_BEFORE})`,
      )
      .run(before).changes;

    // Tickets hold nothing personal, but they point at outbox rows; a day's ticket is done long before.
    const ticketRefs = db
      .prepare(
        `SELECT t.confirmation_id FROM queue_ticket t LEFT JOIN outbox o ON o.id = t.outbox_id
         WHERE (t.outbox_id IS NULL AND t.issued_at < @before) OR ${DELIVERED_BEFORE}`,
      )
      .pluck()
      .all(before) as string[];
    const deleteTicket = db.prepare('DELETE FROM queue_ticket WHERE confirmation_id = ?');
    for (const ref of ticketRefs) deleteTicket.run(ref);
    db.prepare(
      `DELETE FROM queue_ticket_request WHERE created_at < @before
         AND NOT EXISTS (SELECT 1 FROM queue_ticket t WHERE t.confirmation_id = queue_ticket_request.confirmation_id)`,
    ).run(before);

    const outboxRows = db
      .prepare(
        `DELETE FROM outbox WHERE id IN (
           SELECT o.id FROM outbox o WHERE ${DELIVERED_BEFORE}
             AND NOT EXISTS (SELECT 1 FROM application_matter x WHERE x.outbox_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM application_blob x WHERE x.outbox_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM rating x WHERE x.outbox_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM assistance_request x WHERE x.outbox_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM queue_ticket x WHERE x.outbox_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM inspection x WHERE x.outbox_id = o.id))`,
      )
      .run(before).changes;

    // The ledger stops a receipt id printing twice; ids are per visit, so a month-old one never returns.
    const printJobs = db
      .prepare(`DELETE FROM print_job WHERE state != 'printing' AND finished_at < @before`)
      .run(before).changes;

    return {
      applications: applications.length,
      ratings: ratings.length,
      assistanceRequests,
      tickets: ticketRefs.length,
      outboxRows,
      printJobs,
    };
  })();
}

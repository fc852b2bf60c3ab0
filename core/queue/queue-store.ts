import type Database from 'better-sqlite3';
import { QueueStatus, Ticket, type TicketRange } from '../../platform/contract/queue';
import type { PrintResult } from '../api/resident';

/**
 * The queue tables of migration 0008: reserved ranges, take-ticket presses, issued tickets and the
 * last known queue status. Database first, no transactions of its own: callers wrap what must
 * commit together (take a number + record the ticket + enqueue its report).
 */

export interface StoredRange {
  readonly rangeId: string;
  readonly serviceCode: string;
  readonly prefix: string;
  readonly day: string;
  readonly first: number;
  readonly last: number;
  readonly next: number;
}

interface RangeRow {
  range_id: string;
  service_code: string;
  prefix: string;
  day: string;
  first_number: number;
  last_number: number;
  next_number: number;
}

const fromRangeRow = (row: RangeRow): StoredRange => ({
  rangeId: row.range_id,
  serviceCode: row.service_code,
  prefix: row.prefix,
  day: row.day,
  first: row.first_number,
  last: row.last_number,
  next: row.next_number,
});

/** A range the platform answered; a replayed answer (same range id) is stored once. */
export function saveRange(db: Database.Database, range: TicketRange, now: Date): void {
  db.prepare(
    `INSERT INTO queue_ticket_range
       (range_id, service_code, prefix, day, first_number, last_number, next_number, reserved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (range_id) DO NOTHING`,
  ).run(
    range.rangeId,
    range.serviceCode,
    range.prefix,
    range.date,
    range.first,
    range.last,
    range.first,
    now.toISOString(),
  );
}

export function rangesOfDay(db: Database.Database, serviceCode: string, day: string): StoredRange[] {
  const rows = db
    .prepare(`SELECT * FROM queue_ticket_range WHERE service_code = ? AND day = ? ORDER BY first_number`)
    .all(serviceCode, day) as RangeRow[];
  return rows.map(fromRangeRow);
}

/** Numbers this kiosk may still hand out offline for the service on that day. */
export function numbersLeft(db: Database.Database, serviceCode: string, day: string): number {
  return rangesOfDay(db, serviceCode, day).reduce((sum, range) => sum + (range.last - range.next + 1), 0);
}

/** Takes the lowest unused number of the day's ranges; null when there is none. */
export function takeNextNumber(
  db: Database.Database,
  serviceCode: string,
  day: string,
): { range: StoredRange; number: number } | null {
  const range = rangesOfDay(db, serviceCode, day).find((candidate) => candidate.next <= candidate.last);
  if (!range) return null;
  db.prepare('UPDATE queue_ticket_range SET next_number = next_number + 1 WHERE range_id = ?').run(range.rangeId);
  return { range, number: range.next };
}

export interface TicketRequestRow {
  readonly confirmationId: string;
  readonly idempotencyKey: string;
  readonly serviceCode: string;
  /** JSON text exactly as POSTed. */
  readonly body: string;
  readonly outcome: 'pending' | 'online' | 'refused' | 'offline';
}

/** The stored press, or this one stored now: a repeat of a press is sent byte for byte the same. */
export function requestFor(
  db: Database.Database,
  request: { confirmationId: string; idempotencyKey: string; serviceCode: string; body: unknown },
  now: Date,
): TicketRequestRow {
  db.prepare(
    `INSERT INTO queue_ticket_request (confirmation_id, idempotency_key, service_code, body, created_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (confirmation_id) DO NOTHING`,
  ).run(
    request.confirmationId,
    request.idempotencyKey,
    request.serviceCode,
    JSON.stringify(request.body),
    now.toISOString(),
  );
  const row = db
    .prepare(
      `SELECT confirmation_id, idempotency_key, service_code, body, outcome FROM queue_ticket_request
       WHERE confirmation_id = ?`,
    )
    .get(request.confirmationId) as {
    confirmation_id: string;
    idempotency_key: string;
    service_code: string;
    body: string;
    outcome: TicketRequestRow['outcome'];
  };
  return {
    confirmationId: row.confirmation_id,
    idempotencyKey: row.idempotency_key,
    serviceCode: row.service_code,
    body: row.body,
    outcome: row.outcome,
  };
}

/** The press is sent again without the matter, under its own key (the platform refused the matter). */
export function replaceRequest(
  db: Database.Database,
  confirmationId: string,
  idempotencyKey: string,
  body: unknown,
): void {
  db.prepare('UPDATE queue_ticket_request SET idempotency_key = ?, body = ? WHERE confirmation_id = ?').run(
    idempotencyKey,
    JSON.stringify(body),
    confirmationId,
  );
}

export function setRequestOutcome(
  db: Database.Database,
  confirmationId: string,
  outcome: Exclude<TicketRequestRow['outcome'], 'pending'>,
): void {
  db.prepare('UPDATE queue_ticket_request SET outcome = ? WHERE confirmation_id = ?').run(outcome, confirmationId);
}

export interface StoredTicket {
  readonly ticket: Ticket;
  readonly offline: boolean;
  readonly outboxId: number | null;
  /** null until the print was tried. */
  readonly print: PrintResult | null;
}

interface TicketRow {
  ticket: string;
  source: 'online' | 'offlineRange';
  outbox_id: number | null;
  print_output: 'paper' | 'screen' | null;
  print_problem: PrintResult['problem'];
}

export function ticketFor(db: Database.Database, confirmationId: string): StoredTicket | null {
  const row = db
    .prepare(
      'SELECT ticket, source, outbox_id, print_output, print_problem FROM queue_ticket WHERE confirmation_id = ?',
    )
    .get(confirmationId) as TicketRow | undefined;
  if (!row) return null;
  return {
    ticket: Ticket.parse(JSON.parse(row.ticket)),
    offline: row.source === 'offlineRange',
    outboxId: row.outbox_id,
    print: row.print_output === null ? null : { output: row.print_output, problem: row.print_problem },
  };
}

/** A ticket this kiosk issued (online or from its range), by its ticket id; null if it issued none such. */
export function ticketById(db: Database.Database, ticketId: string): Ticket | null {
  const row = db.prepare('SELECT ticket FROM queue_ticket WHERE ticket_id = ?').pluck().get(ticketId) as
    string | undefined;
  return row === undefined ? null : Ticket.parse(JSON.parse(row));
}

export function saveTicket(
  db: Database.Database,
  confirmationId: string,
  ticket: Ticket,
  offline: { rangeId: string; outboxId: number } | null,
): void {
  db.prepare(
    `INSERT INTO queue_ticket (confirmation_id, ticket_id, source, range_id, number, ticket, outbox_id, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    confirmationId,
    ticket.ticketId,
    ticket.source,
    offline?.rangeId ?? null,
    offline ? ticket.number : null,
    JSON.stringify(ticket),
    offline?.outboxId ?? null,
    ticket.issuedAt,
  );
}

export function savePrint(db: Database.Database, confirmationId: string, print: PrintResult): void {
  db.prepare('UPDATE queue_ticket SET print_output = ?, print_problem = ? WHERE confirmation_id = ?').run(
    print.output,
    print.problem,
    confirmationId,
  );
}

/** Offline tickets of a service issued since `sinceIso`: they queue behind what the platform last reported. */
export function offlineIssuedSince(db: Database.Database, serviceCode: string, day: string, sinceIso: string): number {
  return db
    .prepare(
      `SELECT count(*) FROM queue_ticket t JOIN queue_ticket_range r ON r.range_id = t.range_id
       WHERE r.service_code = ? AND r.day = ? AND t.issued_at >= ?`,
    )
    .pluck()
    .get(serviceCode, day, sinceIso) as number;
}

export interface CachedStatus {
  readonly status: QueueStatus;
  readonly fetchedAt: string;
}

export function saveStatus(db: Database.Database, status: QueueStatus, fetchedAt: Date): void {
  db.prepare(
    `INSERT INTO queue_status_cache (id, station_id, day, status, fetched_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET station_id = excluded.station_id, day = excluded.day,
       status = excluded.status, fetched_at = excluded.fetched_at`,
  ).run(status.stationId, status.date, JSON.stringify(status), fetchedAt.toISOString());
}

export function readStatus(db: Database.Database): CachedStatus | null {
  const row = db.prepare('SELECT status, fetched_at FROM queue_status_cache WHERE id = 1').get() as
    { status: string; fetched_at: string } | undefined;
  if (!row) return null;
  const parsed = QueueStatus.safeParse(JSON.parse(row.status));
  // A cache written by an older contract is as good as none: the next fetch replaces it.
  return parsed.success ? { status: parsed.data, fetchedAt: row.fetched_at } : null;
}

import type Database from 'better-sqlite3';
import type {
  OfflineTicket,
  OfflineTicketBatchResult,
  PriorityClass,
  QueueService,
  Ticket,
  TicketRange,
} from '../../contract/queue';
import { err, ok, type Result } from '../../../core/pure/result';
import { PRIORITIES, type QueueServiceConfig } from '../sample/queue-services';
import { staffedHours, type StaffedHours } from '../../contract/staffed-hours';
import { chinaDay } from '../time';
import { recordArrival } from './arrivals';
import { dailyId, nextDaySequence } from './day-sequence';
import { currentWorkingDays } from './published';
import { openWindowsCalling, stationCallingToday, waitingInService } from '../queue-calling/live-queue';
import {
  afterStaffedMinutes,
  callingLeftToday,
  estimateFor,
  hasCalling,
  simulateQueue,
  staffedIntervals,
  withinPeriods,
  type QueuedTicket,
} from './queue-simulation';

/**
 * Ticket numbers of one service on one day live in 1..dailyCap, split so online and offline
 * issuing can never collide:
 *
 *   1 … online numbers, counting up …   |   … ranges, carved downwards from the cap … dailyCap
 *
 * Online issuing takes max(online) + 1 and stops (dailyCapReached) when that would reach the
 * lowest reserved number. A new range takes numbers just below the lowest existing range and
 * above the highest online number, and never more than half of the numbers still free, so online
 * issuing and other terminals keep some. The UNIQUE (station, service, day, number) constraint
 * backs this up in the database.
 */

/** How many days the estimate looks ahead for the next staffed period. */
const LOOKAHEAD_DAYS = 8;

interface TicketRow {
  ticketId: string;
  day: string;
  stationId: string;
  serviceCode: string;
  number: number;
  ticketNo: string;
  priorityClass: PriorityClass;
  priorityWeight: number;
  source: 'online' | 'offlineRange';
  terminalId: string;
  issuedAt: string;
}

const TICKET_COLUMNS = `ticket_id AS ticketId, day, station_id AS stationId, service_code AS serviceCode, number,
  ticket_no AS ticketNo, priority_class AS priorityClass, priority_weight AS priorityWeight, source,
  terminal_id AS terminalId, issued_at AS issuedAt`;

export const ticketNo = (prefix: string, number: number): string => `${prefix}${String(number).padStart(3, '0')}`;

function priorityOf(service: QueueServiceConfig, priorityClass: PriorityClass) {
  return service.priorities.find((entry) => entry.class === priorityClass);
}

function dayTickets(db: Database.Database, stationId: string, serviceCode: string, day: string): TicketRow[] {
  return db
    .prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE station_id = ? AND service_code = ? AND day = ?`)
    .all(stationId, serviceCode, day) as TicketRow[];
}

/** The service's calling hours on the published working calendar. */
function callingHours(db: Database.Database, service: QueueServiceConfig): StaffedHours {
  return staffedHours(service.staffedHours, currentWorkingDays(db));
}

function simulate(
  db: Database.Database,
  service: QueueServiceConfig,
  rows: readonly TicketRow[],
  day: string,
  now: Date,
) {
  const queued: QueuedTicket[] = rows.map((row) => ({
    ticketId: row.ticketId,
    issuedAtMs: Date.parse(row.issuedAt),
    weight: row.priorityWeight,
  }));
  const intervals = staffedIntervals(callingHours(db, service), day, LOOKAHEAD_DAYS);
  return { queue: simulateQueue(queued, intervals, service.averageServiceMinutes, now.getTime()) };
}

/**
 * Tickets are issued within the service's issuing hours and only while the day still has calling
 * ahead: a ticket is one day's number, and one taken after the last window closed (or on a
 * Sunday or a holiday) would never be called.
 */
function issuing(db: Database.Database, service: QueueServiceConfig, now: Date): boolean {
  return withinPeriods(service.issuingHours, now) && callingLeftToday(callingHours(db, service), now);
}

/** Numbers still issuable online: from max(online) + 1 up to below the lowest reserved number. */
function numberSpace(db: Database.Database, stationId: string, service: QueueServiceConfig, day: string) {
  const highestOnline = db
    .prepare(
      "SELECT coalesce(max(number), 0) FROM tickets WHERE station_id = ? AND service_code = ? AND day = ? AND source = 'online'",
    )
    .pluck()
    .get(stationId, service.serviceCode, day) as number;
  const lowestReserved = db
    .prepare('SELECT coalesce(min(first), ?) FROM ticket_ranges WHERE station_id = ? AND service_code = ? AND day = ?')
    .pluck()
    .get(service.dailyCap + 1, stationId, service.serviceCode, day) as number;
  return { highestOnline, lowestReserved };
}

type Estimate = { readonly waitingAhead: number; readonly estimatedWaitMinutes: number };

/**
 * Waiting counts and the estimate for a ticket (or a hypothetical new one, ticketId null) of the
 * given weight: from the real queue when the station's staff call today (a window opened or a
 * ticket called: queue-calling/live-queue.ts), else from the simulated clerk.
 */
function queuePosition(
  db: Database.Database,
  service: QueueServiceConfig,
  stationId: string,
  day: string,
  ticket: { readonly ticketId: string | null; readonly weight: number; readonly issuedAt: string },
  now: Date,
): Estimate & { readonly waiting: number } {
  const intervals = staffedIntervals(callingHours(db, service), day, LOOKAHEAD_DAYS);
  if (day === chinaDay(now) && stationCallingToday(db, stationId, now)) {
    const waiting = waitingInService(db, stationId, day, service.serviceCode);
    const mine = ticket.ticketId === null ? undefined : waiting.find((entry) => entry.ticketId === ticket.ticketId);
    if (ticket.ticketId !== null && !mine) return { waiting: waiting.length, waitingAhead: 0, estimatedWaitMinutes: 0 };
    const waitingAhead = waiting.filter(
      (entry) =>
        entry.ticketId !== ticket.ticketId &&
        (entry.priorityWeight > ticket.weight ||
          (entry.priorityWeight === ticket.weight && entry.issuedAt <= ticket.issuedAt)),
    ).length;
    const windows = Math.max(1, openWindowsCalling(db, stationId, service.serviceCode));
    const minutes = (waitingAhead * service.averageServiceMinutes) / windows;
    const calledMs = afterStaffedMinutes(intervals, now.getTime(), minutes) ?? now.getTime() + minutes * 60_000;
    return {
      waiting: waiting.length,
      waitingAhead,
      estimatedWaitMinutes: Math.ceil(Math.max(0, calledMs - now.getTime()) / 60_000),
    };
  }
  const rows = dayTickets(db, stationId, service.serviceCode, day);
  const { queue } = simulate(db, service, rows, day, now);
  const estimate = estimateFor(
    queue,
    { ticketId: ticket.ticketId, weight: ticket.weight, issuedAtMs: Date.parse(ticket.issuedAt) },
    service.averageServiceMinutes,
    now.getTime(),
    intervals,
  );
  return { waiting: queue.waiting.length, ...estimate };
}

export function queueServiceStatus(
  db: Database.Database,
  stationId: string,
  service: QueueServiceConfig,
  now: Date,
): QueueService {
  const day = chinaDay(now);
  const rows = dayTickets(db, stationId, service.serviceCode, day);
  const space = numberSpace(db, stationId, service, day);
  const normal = queuePosition(
    db,
    service,
    stationId,
    day,
    { ticketId: null, weight: 0, issuedAt: now.toISOString() },
    now,
  );
  return {
    serviceCode: service.serviceCode,
    name: service.name,
    prefix: service.prefix,
    dailyCap: service.dailyCap,
    issuedToday: rows.length,
    waiting: normal.waiting,
    estimatedWaitMinutes: normal.estimatedWaitMinutes,
    open: issuing(db, service, now) && space.highestOnline + 1 < space.lowestReserved,
    priorities: [...service.priorities],
  };
}

function toTicket(db: Database.Database, service: QueueServiceConfig, row: TicketRow, now: Date): Ticket {
  const { waitingAhead, estimatedWaitMinutes } = queuePosition(
    db,
    service,
    row.stationId,
    row.day,
    { ticketId: row.ticketId, weight: row.priorityWeight, issuedAt: row.issuedAt },
    now,
  );
  const estimate = { waitingAhead, estimatedWaitMinutes };
  return {
    ticketId: row.ticketId,
    ticketNo: row.ticketNo,
    prefix: service.prefix,
    number: row.number,
    serviceCode: service.serviceCode,
    serviceName: service.name,
    stationId: row.stationId,
    date: row.day,
    priority: priorityOf(service, row.priorityClass) ?? PRIORITIES[row.priorityClass],
    ...estimate,
    issuedAt: row.issuedAt,
    issuedBy: row.terminalId,
    source: row.source,
  };
}

interface NewTicket {
  readonly stationId: string;
  readonly terminalId: string;
  readonly day: string;
  readonly number: number;
  readonly priorityClass: PriorityClass;
  readonly source: 'online' | 'offlineRange';
  readonly rangeId: string | null;
  readonly appointmentId: string | null;
  readonly matterCode: string | null;
  readonly issuedAt: string;
}

function insertTicket(db: Database.Database, service: QueueServiceConfig, ticket: NewTicket, now: Date): TicketRow {
  const seq = nextDaySequence(db, 'tickets', ticket.day);
  const ticketId = dailyId('TK', ticket.day.replaceAll('-', ''), seq);
  const row: TicketRow = {
    ticketId,
    day: ticket.day,
    stationId: ticket.stationId,
    serviceCode: service.serviceCode,
    number: ticket.number,
    ticketNo: ticketNo(service.prefix, ticket.number),
    priorityClass: ticket.priorityClass,
    priorityWeight: (priorityOf(service, ticket.priorityClass) ?? PRIORITIES[ticket.priorityClass]).weight,
    source: ticket.source,
    terminalId: ticket.terminalId,
    issuedAt: ticket.issuedAt,
  };
  db.prepare(
    `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
       priority_weight, source, range_id, terminal_id, appointment_id, matter_code, issued_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ticketId,
    row.day,
    seq,
    row.stationId,
    row.serviceCode,
    row.number,
    row.ticketNo,
    row.priorityClass,
    row.priorityWeight,
    row.source,
    ticket.rangeId,
    row.terminalId,
    ticket.appointmentId,
    ticket.matterCode,
    row.issuedAt,
    now.toISOString(),
  );
  // Its place in the real queue (platform/server/queue-calling/), in the same transaction.
  db.prepare(
    `INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, updated_at)
     VALUES (?, ?, ?, ?, 'waiting', ?)`,
  ).run(ticketId, row.stationId, row.day, row.serviceCode, now.toISOString());
  recordArrival(db, 'ticket', ticketId, now);
  return row;
}

export type IssueTicketError = 'queueClosed' | 'dailyCapReached';

export interface OnlineTicketRequest {
  readonly stationId: string;
  readonly terminalId: string;
  readonly priorityClass: PriorityClass;
  readonly appointmentId: string | null;
  readonly matterCode: string | null;
}

/** Issues the next online number of today; call inside the request's transaction. */
export function issueOnlineTicket(
  db: Database.Database,
  service: QueueServiceConfig,
  request: OnlineTicketRequest,
  now: Date,
): Result<Ticket, IssueTicketError> {
  if (!issuing(db, service, now)) return err('queueClosed');
  const day = chinaDay(now);
  const space = numberSpace(db, request.stationId, service, day);
  const number = space.highestOnline + 1;
  if (number >= space.lowestReserved) return err('dailyCapReached');
  const row = insertTicket(
    db,
    service,
    { ...request, day, number, source: 'online', rangeId: null, issuedAt: now.toISOString() },
    now,
  );
  return ok(toTicket(db, service, row, now));
}

interface RangeRow {
  rangeId: string;
  terminalId: string;
  stationId: string;
  serviceCode: string;
  day: string;
  first: number;
  last: number;
  reservedAt: string;
}

const RANGE_COLUMNS = `range_id AS rangeId, terminal_id AS terminalId, station_id AS stationId,
  service_code AS serviceCode, day, first, last, reserved_at AS reservedAt`;

const toRange = (row: RangeRow, prefix: string): TicketRange => ({
  rangeId: row.rangeId,
  terminalId: row.terminalId,
  stationId: row.stationId,
  serviceCode: row.serviceCode,
  prefix,
  date: row.day,
  first: row.first,
  last: row.last,
  reservedAt: row.reservedAt,
});

export type ReserveRangeError = 'queueClosed' | 'ticketRangeExhausted';

/**
 * Reserves numbers for a terminal's offline issuing on `day`. A terminal holds one range per
 * service and day: while its latest range still has unreported numbers, asking again returns it.
 */
export function reserveTicketRange(
  db: Database.Database,
  service: QueueServiceConfig,
  request: { readonly terminalId: string; readonly stationId: string; readonly day: string; readonly size: number },
  now: Date,
): Result<TicketRange, ReserveRangeError> {
  const held = db
    .prepare(
      `SELECT ${RANGE_COLUMNS} FROM ticket_ranges r
       WHERE terminal_id = ? AND station_id = ? AND service_code = ? AND day = ?
         AND (SELECT count(*) FROM tickets t WHERE t.range_id = r.range_id) < r.last - r.first + 1
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(request.terminalId, request.stationId, service.serviceCode, request.day) as RangeRow | undefined;
  if (held) return ok(toRange(held, service.prefix));
  if (service.issuingHours.length === 0 || !hasCalling(callingHours(db, service), request.day)) {
    return err('queueClosed');
  }

  const space = numberSpace(db, request.stationId, service, request.day);
  const free = space.lowestReserved - 1 - space.highestOnline;
  if (free < 1) return err('ticketRangeExhausted');
  const size = Math.min(request.size, Math.max(1, Math.floor(free / 2)));
  const last = space.lowestReserved - 1;
  const seq = nextDaySequence(db, 'ticket_ranges', request.day);
  const row: RangeRow = {
    rangeId: dailyId('TR', request.day.replaceAll('-', ''), seq),
    terminalId: request.terminalId,
    stationId: request.stationId,
    serviceCode: service.serviceCode,
    day: request.day,
    first: last - size + 1,
    last,
    reservedAt: now.toISOString(),
  };
  db.prepare(
    `INSERT INTO ticket_ranges (range_id, day, seq, terminal_id, station_id, service_code, first, last, reserved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.rangeId, row.day, seq, row.terminalId, row.stationId, row.serviceCode, row.first, row.last, row.reservedAt);
  return ok(toRange(row, service.prefix));
}

/** A range of this terminal, or undefined (also for another terminal's range). */
export function findOwnRange(
  db: Database.Database,
  terminalId: string,
  rangeId: string,
): { readonly stationId: string; readonly serviceCode: string } | undefined {
  return db
    .prepare(
      'SELECT station_id AS stationId, service_code AS serviceCode FROM ticket_ranges WHERE range_id = ? AND terminal_id = ?',
    )
    .get(rangeId, terminalId) as { stationId: string; serviceCode: string } | undefined;
}

/** Stores the offline tickets that fit the range; each joins the queue at its original issue time. */
export function reportOfflineTickets(
  db: Database.Database,
  service: QueueServiceConfig,
  terminalId: string,
  rangeId: string,
  tickets: readonly OfflineTicket[],
  now: Date,
): OfflineTicketBatchResult {
  const range = db
    .prepare(`SELECT ${RANGE_COLUMNS} FROM ticket_ranges WHERE range_id = ? AND terminal_id = ?`)
    .get(rangeId, terminalId) as RangeRow | undefined;
  if (!range) throw new Error(`reportOfflineTickets: range ${rangeId} is not this terminal's`);
  const stored: TicketRow[] = [];
  const rejected: OfflineTicketBatchResult['rejected'] = [];
  const taken = db.prepare(
    'SELECT 1 FROM tickets WHERE station_id = ? AND service_code = ? AND day = ? AND number = ?',
  );
  for (const ticket of tickets) {
    const inside =
      ticket.number >= range.first &&
      ticket.number <= range.last &&
      ticket.ticketNo === ticketNo(service.prefix, ticket.number);
    if (!inside) {
      rejected.push({ number: ticket.number, code: 'ticketOutsideRange' });
      continue;
    }
    if (taken.get(range.stationId, range.serviceCode, range.day, ticket.number) !== undefined) {
      rejected.push({ number: ticket.number, code: 'alreadyReported' });
      continue;
    }
    stored.push(
      insertTicket(
        db,
        service,
        {
          stationId: range.stationId,
          terminalId,
          day: range.day,
          number: ticket.number,
          priorityClass: ticket.priority,
          source: 'offlineRange',
          rangeId,
          appointmentId: ticket.priority === 'appointment' ? ticket.appointmentId : null,
          matterCode: null,
          issuedAt: new Date(ticket.issuedAt).toISOString(),
        },
        now,
      ),
    );
  }
  return { rangeId, accepted: stored.map((row) => toTicket(db, service, row, now)), rejected };
}

export function ticketRowCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
}

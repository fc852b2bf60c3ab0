import type { SqlQueries } from '../db/sql';
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
import { lockUntilCommit } from './transaction-lock';
import { openWindowsCalling, stationCallingToday, waitingInService } from '../queue-calling/live-queue';
import {
  afterStaffedMinutes,
  callingLeftToday,
  estimateFor,
  hasCalling,
  simulateQueue,
  staffedIntervals,
  withinPeriods,
  type Interval,
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
 * issuing and other terminals keep some.
 *
 * Every write of a day's numbers (an online ticket, a new range, reported offline tickets) first
 * takes the lock of that station, service and day (numberingLock), so with several platform
 * instances on one PostgreSQL database the next one's reads see what the previous one committed:
 * no two tickets get one number, no two ranges overlap and no online number falls inside a range.
 * The UNIQUE (station, service, day, number) constraint backs this up in the database.
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

const TICKET_COLUMNS = `ticket_id AS "ticketId", day, station_id AS "stationId", service_code AS "serviceCode", number,
  ticket_no AS "ticketNo", priority_class AS "priorityClass", priority_weight AS "priorityWeight", source,
  terminal_id AS "terminalId", issued_at AS "issuedAt"`;

export const ticketNo = (prefix: string, number: number): string => `${prefix}${String(number).padStart(3, '0')}`;

function priorityOf(service: QueueServiceConfig, priorityClass: PriorityClass) {
  return service.priorities.find((entry) => entry.class === priorityClass);
}

/**
 * Held until commit by every transaction that takes or reserves numbers of this station, service
 * and day (store/transaction-lock.ts): what keeps numbers unique and ranges apart under
 * concurrency, since "the next free number" is a read-then-write no constraint can express.
 */
function numberingLock(db: SqlQueries, stationId: string, serviceCode: string, day: string): Promise<void> {
  return lockUntilCommit(db, `ticket-numbers\n${stationId}\n${serviceCode}\n${day}`);
}

function dayTickets(db: SqlQueries, stationId: string, serviceCode: string, day: string): Promise<TicketRow[]> {
  return db.all<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE station_id = ? AND service_code = ? AND day = ?`,
    [stationId, serviceCode, day],
  );
}

/** The service's calling hours on the published working calendar. */
async function callingHours(db: SqlQueries, service: QueueServiceConfig): Promise<StaffedHours> {
  return staffedHours(service.staffedHours, await currentWorkingDays(db));
}

function simulate(service: QueueServiceConfig, rows: readonly TicketRow[], intervals: readonly Interval[], now: Date) {
  const queued: QueuedTicket[] = rows.map((row) => ({
    ticketId: row.ticketId,
    issuedAtMs: Date.parse(row.issuedAt),
    weight: row.priorityWeight,
  }));
  return { queue: simulateQueue(queued, intervals, service.averageServiceMinutes, now.getTime()) };
}

/**
 * Tickets are issued within the service's issuing hours and only while the day still has calling
 * ahead: a ticket is one day's number, and one taken after the last window closed (or on a
 * Sunday or a holiday) would never be called.
 */
async function issuing(db: SqlQueries, service: QueueServiceConfig, now: Date): Promise<boolean> {
  return withinPeriods(service.issuingHours, now) && callingLeftToday(await callingHours(db, service), now);
}

/**
 * Numbers still issuable online: from max(online) + 1 up to below the lowest reserved number.
 * Only as current as the caller's lock: take numberingLock first when numbers are to be taken.
 */
async function numberSpace(db: SqlQueries, stationId: string, service: QueueServiceConfig, day: string) {
  const online = await db.get<{ highest: number }>(
    `SELECT coalesce(max(number), 0) AS highest FROM tickets
     WHERE station_id = ? AND service_code = ? AND day = ? AND source = 'online'`,
    [stationId, service.serviceCode, day],
  );
  const reserved = await db.get<{ lowest: number | null }>(
    'SELECT min(first) AS lowest FROM ticket_ranges WHERE station_id = ? AND service_code = ? AND day = ?',
    [stationId, service.serviceCode, day],
  );
  return { highestOnline: online?.highest ?? 0, lowestReserved: reserved?.lowest ?? service.dailyCap + 1 };
}

type Estimate = { readonly waitingAhead: number; readonly estimatedWaitMinutes: number };

/**
 * Waiting counts and the estimate for a ticket (or a hypothetical new one, ticketId null) of the
 * given weight: from the real queue when the station's staff call today (a window opened or a
 * ticket called: queue-calling/live-queue.ts), else from the simulated clerk.
 */
async function queuePosition(
  db: SqlQueries,
  service: QueueServiceConfig,
  stationId: string,
  day: string,
  ticket: { readonly ticketId: string | null; readonly weight: number; readonly issuedAt: string },
  now: Date,
): Promise<Estimate & { readonly waiting: number }> {
  const intervals = staffedIntervals(await callingHours(db, service), day, LOOKAHEAD_DAYS);
  if (day === chinaDay(now) && (await stationCallingToday(db, stationId, now))) {
    const waiting = await waitingInService(db, stationId, day, service.serviceCode);
    const mine = ticket.ticketId === null ? undefined : waiting.find((entry) => entry.ticketId === ticket.ticketId);
    if (ticket.ticketId !== null && !mine) return { waiting: waiting.length, waitingAhead: 0, estimatedWaitMinutes: 0 };
    const waitingAhead = waiting.filter(
      (entry) =>
        entry.ticketId !== ticket.ticketId &&
        (entry.priorityWeight > ticket.weight ||
          (entry.priorityWeight === ticket.weight && entry.issuedAt <= ticket.issuedAt)),
    ).length;
    const windows = Math.max(1, await openWindowsCalling(db, stationId, service.serviceCode));
    const minutes = (waitingAhead * service.averageServiceMinutes) / windows;
    const calledMs = afterStaffedMinutes(intervals, now.getTime(), minutes) ?? now.getTime() + minutes * 60_000;
    return {
      waiting: waiting.length,
      waitingAhead,
      estimatedWaitMinutes: Math.ceil(Math.max(0, calledMs - now.getTime()) / 60_000),
    };
  }
  const rows = await dayTickets(db, stationId, service.serviceCode, day);
  const { queue } = simulate(service, rows, intervals, now);
  const estimate = estimateFor(
    queue,
    { ticketId: ticket.ticketId, weight: ticket.weight, issuedAtMs: Date.parse(ticket.issuedAt) },
    service.averageServiceMinutes,
    now.getTime(),
    intervals,
  );
  return { waiting: queue.waiting.length, ...estimate };
}

export async function queueServiceStatus(
  db: SqlQueries,
  stationId: string,
  service: QueueServiceConfig,
  now: Date,
): Promise<QueueService> {
  const day = chinaDay(now);
  const rows = await dayTickets(db, stationId, service.serviceCode, day);
  const space = await numberSpace(db, stationId, service, day);
  const normal = await queuePosition(
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
    open: (await issuing(db, service, now)) && space.highestOnline + 1 < space.lowestReserved,
    priorities: [...service.priorities],
  };
}

async function toTicket(db: SqlQueries, service: QueueServiceConfig, row: TicketRow, now: Date): Promise<Ticket> {
  const { waitingAhead, estimatedWaitMinutes } = await queuePosition(
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

/** Call with numberingLock held (the number is free under it), inside the request's transaction. */
async function insertTicket(
  db: SqlQueries,
  service: QueueServiceConfig,
  ticket: NewTicket,
  now: Date,
): Promise<TicketRow> {
  const seq = await nextDaySequence(db, 'tickets', ticket.day);
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
  await db.run(
    `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
       priority_weight, source, range_id, terminal_id, appointment_id, matter_code, issued_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
  // Its place in the real queue (platform/server/queue-calling/), in the same transaction.
  await db.run(
    `INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, updated_at)
     VALUES (?, ?, ?, ?, 'waiting', ?)`,
    [ticketId, row.stationId, row.day, row.serviceCode, now.toISOString()],
  );
  await recordArrival(db, 'ticket', ticketId, now);
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

/** Issues the next online number of today; call on the request's transaction. */
export async function issueOnlineTicket(
  db: SqlQueries,
  service: QueueServiceConfig,
  request: OnlineTicketRequest,
  now: Date,
): Promise<Result<Ticket, IssueTicketError>> {
  if (!(await issuing(db, service, now))) return err('queueClosed');
  const day = chinaDay(now);
  // The lock makes max(online) + 1 free and below every range until this transaction commits.
  await numberingLock(db, request.stationId, service.serviceCode, day);
  const space = await numberSpace(db, request.stationId, service, day);
  const number = space.highestOnline + 1;
  if (number >= space.lowestReserved) return err('dailyCapReached');
  const row = await insertTicket(
    db,
    service,
    { ...request, day, number, source: 'online', rangeId: null, issuedAt: now.toISOString() },
    now,
  );
  return ok(await toTicket(db, service, row, now));
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

const RANGE_COLUMNS = `range_id AS "rangeId", terminal_id AS "terminalId", station_id AS "stationId",
  service_code AS "serviceCode", day, first, last, reserved_at AS "reservedAt"`;

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
export async function reserveTicketRange(
  db: SqlQueries,
  service: QueueServiceConfig,
  request: { readonly terminalId: string; readonly stationId: string; readonly day: string; readonly size: number },
  now: Date,
): Promise<Result<TicketRange, ReserveRangeError>> {
  // Under the lock, two requests of one terminal find one held range, and a new range is carved
  // below every range and above every online number committed before it.
  await numberingLock(db, request.stationId, service.serviceCode, request.day);
  const held = await db.get<RangeRow>(
    `SELECT ${RANGE_COLUMNS} FROM ticket_ranges r
     WHERE terminal_id = ? AND station_id = ? AND service_code = ? AND day = ?
       AND (SELECT count(*) FROM tickets t WHERE t.range_id = r.range_id) < r.last - r.first + 1
     ORDER BY seq DESC LIMIT 1`,
    [request.terminalId, request.stationId, service.serviceCode, request.day],
  );
  if (held) return ok(toRange(held, service.prefix));
  if (service.issuingHours.length === 0 || !hasCalling(await callingHours(db, service), request.day)) {
    return err('queueClosed');
  }

  const space = await numberSpace(db, request.stationId, service, request.day);
  const free = space.lowestReserved - 1 - space.highestOnline;
  if (free < 1) return err('ticketRangeExhausted');
  const size = Math.min(request.size, Math.max(1, Math.floor(free / 2)));
  const last = space.lowestReserved - 1;
  const seq = await nextDaySequence(db, 'ticket_ranges', request.day);
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
  await db.run(
    `INSERT INTO ticket_ranges (range_id, day, seq, terminal_id, station_id, service_code, first, last, reserved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.rangeId, row.day, seq, row.terminalId, row.stationId, row.serviceCode, row.first, row.last, row.reservedAt],
  );
  return ok(toRange(row, service.prefix));
}

/** A range of this terminal, or undefined (also for another terminal's range). */
export function findOwnRange(
  db: SqlQueries,
  terminalId: string,
  rangeId: string,
): Promise<{ readonly stationId: string; readonly serviceCode: string } | undefined> {
  return db.get<{ stationId: string; serviceCode: string }>(
    'SELECT station_id AS "stationId", service_code AS "serviceCode" FROM ticket_ranges WHERE range_id = ? AND terminal_id = ?',
    [rangeId, terminalId],
  );
}

/** Stores the offline tickets that fit the range; each joins the queue at its original issue time. */
export async function reportOfflineTickets(
  db: SqlQueries,
  service: QueueServiceConfig,
  terminalId: string,
  rangeId: string,
  tickets: readonly OfflineTicket[],
  now: Date,
): Promise<OfflineTicketBatchResult> {
  const range = await db.get<RangeRow>(
    `SELECT ${RANGE_COLUMNS} FROM ticket_ranges WHERE range_id = ? AND terminal_id = ?`,
    [rangeId, terminalId],
  );
  if (!range) throw new Error(`reportOfflineTickets: range ${rangeId} is not this terminal's`);
  // Two reports of one range at once (a retry with a new key): under the lock the second finds
  // the first's numbers taken and answers alreadyReported instead of failing on UNIQUE.
  await numberingLock(db, range.stationId, range.serviceCode, range.day);
  const stored: TicketRow[] = [];
  const rejected: OfflineTicketBatchResult['rejected'] = [];
  const taken = (number: number) =>
    db.get('SELECT 1 AS taken FROM tickets WHERE station_id = ? AND service_code = ? AND day = ? AND number = ?', [
      range.stationId,
      range.serviceCode,
      range.day,
      number,
    ]);
  for (const ticket of tickets) {
    const inside =
      ticket.number >= range.first &&
      ticket.number <= range.last &&
      ticket.ticketNo === ticketNo(service.prefix, ticket.number);
    if (!inside) {
      rejected.push({ number: ticket.number, code: 'ticketOutsideRange' });
      continue;
    }
    if ((await taken(ticket.number)) !== undefined) {
      rejected.push({ number: ticket.number, code: 'alreadyReported' });
      continue;
    }
    stored.push(
      await insertTicket(
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
  const accepted: Ticket[] = [];
  for (const row of stored) accepted.push(await toTicket(db, service, row, now));
  return { rangeId, accepted, rejected };
}

export async function ticketRowCount(db: SqlQueries): Promise<number> {
  return (await db.get<{ count: number }>('SELECT count(*) AS count FROM tickets'))?.count ?? 0;
}

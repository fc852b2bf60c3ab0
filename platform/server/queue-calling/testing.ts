import type { PriorityClass, Ticket } from '../../contract/queue';
import type { SqlDb, SqlQueries } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { PRIORITIES, VILLAGE_QUEUE_SERVICES } from '../sample/queue-services';
import { registerTerminal } from '../store/terminals';
import { issueOnlineTicket } from '../store/tickets';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { chinaDay } from '../time';

/** A platform database with a station (its kiosk registered) and staff, for queue-calling tests. */

export const STATION = 'station-q';
export const KIOSK = 'kiosk-q';
/** A Tuesday, 09:00 China Standard Time: inside the village stations' staffed hours. */
export const TUESDAY_NINE = new Date('2025-03-04T01:00:00.000Z');

/** On the engine this run tests (testing/test-database.ts); `database.close()` when done. */
export async function openQueueDb(now = TUESDAY_NINE): Promise<TestDatabase> {
  const database = await openTestDatabase(ephemeralSealer());
  await registerQueueKiosk(database.db, now);
  return database;
}

export async function registerQueueKiosk(sql: SqlQueries, now = TUESDAY_NINE): Promise<void> {
  const registered = await registerTerminal(sql, { id: KIOSK, stationId: STATION, token: 'a'.repeat(43) }, now);
  if (!registered.ok) throw new Error(`terminal: ${registered.error.kind}`);
}

/**
 * A station staff user's row id (ticket_states.staff_user_id). Written directly: the calling
 * needs only the row, not the console's account rules (console/users-store.ts).
 */
export async function addStaffRow(sql: SqlQueries, username: string, now = TUESDAY_NINE): Promise<number> {
  const row = await sql.get<{ id: number }>(
    `INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at)
     VALUES (?, ?, 'stationStaff', ?, 'not-a-real-hash', ?) RETURNING user_id AS id`,
    [username, username, JSON.stringify({ kind: 'station', stationId: STATION }), now.toISOString()],
  );
  if (!row) throw new Error(`user ${username}`);
  return row.id;
}

/** A ticket issued the kiosk's way (store/tickets.ts), in its own transaction. */
export async function issue(
  sql: SqlQueries,
  serviceCode: string,
  now: Date,
  priorityClass: PriorityClass = 'normal',
  stationId = STATION,
  terminalId = KIOSK,
): Promise<Ticket> {
  const service = VILLAGE_QUEUE_SERVICES.find((entry) => entry.serviceCode === serviceCode);
  if (!service) throw new Error(`no service ${serviceCode}`);
  const issued = await sql.transaction((tx) =>
    issueOnlineTicket(
      tx,
      service,
      { stationId, terminalId, priorityClass, appointmentId: null, matterCode: null },
      now,
    ),
  );
  if (!issued.ok) throw new Error(`ticket refused: ${issued.error}`);
  return issued.value;
}

export interface WaitingTicketRow {
  readonly ticketId: string;
  readonly ticketNo: string;
}

/**
 * A waiting ticket written as issuing stores it (a tickets row and its ticket_states row), without
 * the kiosk's opening hours and daily caps: for tests about calling and displays, which need many
 * tickets at given times. Numbers and sequence numbers continue the day's (one writer: tests).
 * Ticket ids and sequence numbers sit far above real issuing's, so both may share a day.
 */
export async function insertWaitingTicket(
  sql: SqlQueries,
  options: {
    readonly serviceCode: string;
    readonly issuedAt: Date;
    readonly priorityClass?: PriorityClass;
    readonly stationId?: string;
    readonly terminalId?: string;
  },
): Promise<WaitingTicketRow> {
  const service = VILLAGE_QUEUE_SERVICES.find((entry) => entry.serviceCode === options.serviceCode);
  if (!service) throw new Error(`no service ${options.serviceCode}`);
  const priorityClass = options.priorityClass ?? 'normal';
  const weight = (service.priorities.find((p) => p.class === priorityClass) ?? PRIORITIES[priorityClass]).weight;
  const stationId = options.stationId ?? STATION;
  const day = chinaDay(options.issuedAt);
  const at = options.issuedAt.toISOString();
  return sql.transaction(async (tx) => {
    const next = await tx.get<{ seq: number; number: number }>(
      `SELECT (SELECT coalesce(max(seq), 900000) FROM tickets WHERE day = ? AND seq > 900000) + 1 AS seq,
              (SELECT coalesce(max(number), 0) FROM tickets WHERE station_id = ? AND service_code = ? AND day = ?) + 1
                AS number`,
      [day, stationId, service.serviceCode, day],
    );
    if (!next) throw new Error('no numbers');
    const ticketId = `TK-T-${day}-${next.seq}`;
    const ticketNo = `${service.prefix}${String(next.number).padStart(3, '0')}`;
    await tx.run(
      `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
         priority_weight, source, range_id, terminal_id, appointment_id, matter_code, issued_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'online', NULL, ?, NULL, NULL, ?, ?)`,
      [
        ticketId,
        day,
        next.seq,
        stationId,
        service.serviceCode,
        next.number,
        ticketNo,
        priorityClass,
        weight,
        options.terminalId ?? KIOSK,
        at,
        at,
      ],
    );
    await tx.run(
      `INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, updated_at)
       VALUES (?, ?, ?, ?, 'waiting', ?)`,
      [ticketId, stationId, day, service.serviceCode, at],
    );
    return { ticketId, ticketNo };
  });
}

/** Every call event, oldest first: which ticket each window called. */
export function callEvents(sql: SqlDb): Promise<{ ticketId: string; windowNo: number }[]> {
  return sql.all<{ ticketId: string; windowNo: number }>(
    `SELECT ticket_id AS "ticketId", window_no AS "windowNo" FROM ticket_events WHERE kind = 'called' ORDER BY event_id`,
  );
}

export const minutesAfter = (start: Date, minutes: number): Date => new Date(start.getTime() + minutes * 60_000);

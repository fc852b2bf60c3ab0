import type Database from 'better-sqlite3';
import type { PriorityClass, Ticket } from '../../contract/queue';
import { openPlatformDb } from '../db/open';
import { ephemeralSealer } from '../sealing/sealer';
import { VILLAGE_QUEUE_SERVICES } from '../sample/queue-services';
import { registerTerminal } from '../store/terminals';
import { issueOnlineTicket } from '../store/tickets';
import { rowIdOf } from '../console/users-store';
import { createConsoleUser } from '../console/users-store';

/** A platform database with a station (its kiosk registered) and staff, for queue-calling tests. */

export const STATION = 'station-q';
export const KIOSK = 'kiosk-q';
/** A Tuesday, 09:00 China Standard Time: inside the village stations' staffed hours. */
export const TUESDAY_NINE = new Date('2025-03-04T01:00:00.000Z');

export function openQueueDb(path = ':memory:', now = TUESDAY_NINE): Database.Database {
  const opened = openPlatformDb(path, ephemeralSealer());
  if (!opened.ok) throw new Error(`test database: ${opened.error.kind}`);
  const db = opened.value;
  const registered = registerTerminal(db, { id: KIOSK, stationId: STATION, token: 'a'.repeat(43) }, now);
  if (!registered.ok) throw new Error(`terminal: ${registered.error.kind}`);
  return db;
}

/** A console user's row id (ticket_states.staff_user_id). */
export function addStaffRow(db: Database.Database, username: string, now = TUESDAY_NINE): number {
  const created = createConsoleUser(
    db,
    {
      username,
      displayName: username,
      role: 'stationStaff',
      scope: { kind: 'station', stationId: STATION },
      passwordHash: 'not-a-real-hash',
    },
    now,
  );
  if (!created.ok) throw new Error(`user ${username} exists`);
  const rowId = rowIdOf(created.value.userId);
  if (rowId === undefined) throw new Error('user id');
  return rowId;
}

export function issue(
  db: Database.Database,
  serviceCode: string,
  now: Date,
  priorityClass: PriorityClass = 'normal',
  stationId = STATION,
  terminalId = KIOSK,
): Ticket {
  const service = VILLAGE_QUEUE_SERVICES.find((entry) => entry.serviceCode === serviceCode);
  if (!service) throw new Error(`no service ${serviceCode}`);
  const issued = db.transaction(() =>
    issueOnlineTicket(
      db,
      service,
      { stationId, terminalId, priorityClass, appointmentId: null, matterCode: null },
      now,
    ),
  )();
  if (!issued.ok) throw new Error(`ticket refused: ${issued.error}`);
  return issued.value;
}

export const minutesAfter = (start: Date, minutes: number): Date => new Date(start.getTime() + minutes * 60_000);

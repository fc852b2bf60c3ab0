import type Database from 'better-sqlite3';
import { chinaDay, chinaInstant } from '../time';

/**
 * Today's real queue at a station, from ticket_states (migration 0009): who waits, in the order a
 * window calls them — the highest priority weight first, then in order of issue (the number breaks
 * a tie) — and whether the station is really calling today. A ticket transferred to one window
 * waits for that window only; one transferred to another service waits in that service's queue.
 */

/** The call order; `t` is tickets, `s` ticket_states. */
export const CALL_ORDER = 't.priority_weight DESC, t.issued_at, t.number, t.ticket_id';

export interface WaitingTicket {
  readonly ticketId: string;
  readonly ticketNo: string;
  readonly queueService: string;
  readonly targetWindow: number | null;
  readonly priorityWeight: number;
  readonly issuedAt: string;
}

const WAITING_SELECT = `SELECT s.ticket_id AS ticketId, t.ticket_no AS ticketNo, s.queue_service AS queueService,
  s.target_window AS targetWindow, t.priority_weight AS priorityWeight, t.issued_at AS issuedAt
  FROM ticket_states s JOIN tickets t ON t.ticket_id = s.ticket_id
  WHERE s.station_id = ? AND s.day = ? AND s.status = 'waiting'`;

/** The tickets a window would call, in the order it would call them. */
export function waitingForWindow(
  db: Database.Database,
  stationId: string,
  day: string,
  window: { readonly windowNo: number; readonly serviceCodes: readonly string[] },
  limit: number,
): WaitingTicket[] {
  return db
    .prepare(
      `${WAITING_SELECT} AND (s.target_window = ?
         OR (s.target_window IS NULL AND s.queue_service IN (SELECT value FROM json_each(?))))
       ORDER BY ${CALL_ORDER} LIMIT ?`,
    )
    .all(stationId, day, window.windowNo, JSON.stringify(window.serviceCodes), limit) as WaitingTicket[];
}

/** Today's waiting tickets of one service (those transferred to a window included), in call order. */
export function waitingInService(
  db: Database.Database,
  stationId: string,
  day: string,
  serviceCode: string,
): WaitingTicket[] {
  return db
    .prepare(`${WAITING_SELECT} AND s.queue_service = ? ORDER BY ${CALL_ORDER}`)
    .all(stationId, day, serviceCode) as WaitingTicket[];
}

/**
 * Whether staff really call at the station today: a window is open or paused since today began,
 * or something was called there today. Until then the kiosk's waiting counts come from the
 * simulated clerk (store/queue-simulation.ts), as on a station that does not use windows at all.
 */
export function stationCallingToday(db: Database.Database, stationId: string, now: Date): boolean {
  const dayStart = chinaInstant(chinaDay(now), 0).toISOString();
  const openWindow = db
    .prepare("SELECT 1 FROM queue_windows WHERE station_id = ? AND status <> 'closed' AND updated_at >= ? LIMIT 1")
    .get(stationId, dayStart);
  if (openWindow !== undefined) return true;
  const lastEventAt = db
    .prepare('SELECT at FROM ticket_events WHERE station_id = ? ORDER BY event_id DESC LIMIT 1')
    .pluck()
    .get(stationId) as string | undefined;
  return lastEventAt !== undefined && lastEventAt >= dayStart;
}

/** Open windows that call a service (by service, not those waiting for one window only). */
export function openWindowsCalling(db: Database.Database, stationId: string, serviceCode: string): number {
  return db
    .prepare(
      `SELECT count(*) FROM queue_windows WHERE station_id = ? AND status = 'open'
         AND EXISTS (SELECT 1 FROM json_each(service_codes) WHERE value = ?)`,
    )
    .pluck()
    .get(stationId, serviceCode) as number;
}

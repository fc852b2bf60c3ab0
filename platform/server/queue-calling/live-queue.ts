import type { SqlQueries } from '../db/sql';
import { chinaDay, chinaInstant } from '../time';
import { jsonTextElements } from './json-elements';

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

const WAITING_SELECT = `SELECT s.ticket_id AS "ticketId", t.ticket_no AS "ticketNo", s.queue_service AS "queueService",
  s.target_window AS "targetWindow", t.priority_weight AS "priorityWeight", t.issued_at AS "issuedAt"
  FROM ticket_states s JOIN tickets t ON t.ticket_id = s.ticket_id
  WHERE s.station_id = ? AND s.day = ? AND s.status = 'waiting'`;

/**
 * The tickets a window would call, in the order it would call them. `claim` (a call, inside its
 * transaction): on PostgreSQL only the first one, locked to this transaction, skipping tickets
 * another transaction holds (FOR UPDATE SKIP LOCKED: the one another window is calling at this
 * moment), so two windows calling at once take the first two in order without waiting on each
 * other. SQLite has one writer at a time and nothing to skip: the candidates as asked.
 */
export function waitingForWindow(
  db: SqlQueries,
  stationId: string,
  day: string,
  window: { readonly windowNo: number; readonly serviceCodes: readonly string[] },
  limit: number,
  options: { readonly claim?: boolean } = {},
): Promise<WaitingTicket[]> {
  const claim = options.claim === true && db.engine === 'postgres';
  return db.all<WaitingTicket>(
    `${WAITING_SELECT} AND (s.target_window = ?
       OR (s.target_window IS NULL AND s.queue_service IN ${jsonTextElements(db.engine, '?')}))
     ORDER BY ${CALL_ORDER} LIMIT ?${claim ? ' FOR UPDATE OF s SKIP LOCKED' : ''}`,
    [stationId, day, window.windowNo, JSON.stringify(window.serviceCodes), claim ? 1 : limit],
  );
}

/** Today's waiting tickets of one service (those transferred to a window included), in call order. */
export function waitingInService(
  db: SqlQueries,
  stationId: string,
  day: string,
  serviceCode: string,
): Promise<WaitingTicket[]> {
  return db.all<WaitingTicket>(`${WAITING_SELECT} AND s.queue_service = ? ORDER BY ${CALL_ORDER}`, [
    stationId,
    day,
    serviceCode,
  ]);
}

/**
 * Whether staff really call at the station today: a window is open or paused since today began,
 * or something was called there today. Until then the kiosk's waiting counts come from the
 * simulated clerk (store/queue-simulation.ts), as on a station that does not use windows at all.
 */
export async function stationCallingToday(db: SqlQueries, stationId: string, now: Date): Promise<boolean> {
  const dayStart = chinaInstant(chinaDay(now), 0).toISOString();
  const openWindow = await db.get(
    "SELECT 1 AS open FROM queue_windows WHERE station_id = ? AND status <> 'closed' AND updated_at >= ? LIMIT 1",
    [stationId, dayStart],
  );
  if (openWindow !== undefined) return true;
  const last = await db.get<{ at: string }>(
    'SELECT at FROM ticket_events WHERE station_id = ? ORDER BY event_id DESC LIMIT 1',
    [stationId],
  );
  return last !== undefined && last.at >= dayStart;
}

/** Open windows that call a service (by service, not those waiting for one window only). */
export async function openWindowsCalling(db: SqlQueries, stationId: string, serviceCode: string): Promise<number> {
  const row = await db.get<{ count: number }>(
    `SELECT count(*) AS count FROM queue_windows WHERE station_id = ? AND status = 'open'
       AND CAST(? AS TEXT) IN ${jsonTextElements(db.engine, 'service_codes')}`,
    [stationId, serviceCode],
  );
  return row?.count ?? 0;
}

import type { CallBoard, CallEntry } from '../../contract/call-display';
import type { SqlQueries } from '../db/sql';
import { findServicePoint } from '../store/published';
import { chinaDay } from '../time';
import { callSpeech } from './speech-text';

/**
 * The call board of a station, read from ticket_events (migration 0009): every called/recalled
 * row is one announcement; `event_id` is the cursor displays resume from. "Today" is the ticket's
 * own China day (tickets.day), so a board starts empty each morning whatever time zone `at` was
 * written in. Reads only: the calling itself is platform/server/queue-calling/.
 */

interface EventRow {
  eventId: number;
  kind: 'called' | 'recalled';
  ticketNo: string;
  windowNo: number;
  windowLabel: string | null;
  at: string;
}

const SELECT_ENTRY = `
  SELECT e.event_id AS "eventId", e.kind AS kind, t.ticket_no AS "ticketNo", e.window_no AS "windowNo",
         w.label AS "windowLabel", e.at AS at
    FROM ticket_events e
    JOIN tickets t ON t.ticket_id = e.ticket_id
    LEFT JOIN queue_windows w ON w.station_id = e.station_id AND w.window_no = e.window_no`;

const ANNOUNCED = `e.station_id = ? AND e.kind IN ('called', 'recalled') AND e.window_no IS NOT NULL AND t.day = ?`;

function toEntry(row: EventRow): CallEntry {
  return {
    eventId: row.eventId,
    kind: row.kind,
    ticketNo: row.ticketNo,
    windowNo: row.windowNo,
    windowLabel: row.windowLabel ?? `${row.windowNo}号窗口`,
    at: row.at,
    speech: callSpeech(row.kind, row.ticketNo, row.windowNo),
  };
}

/**
 * The newest event id of the station, announced or not: a cursor never goes back. Ids follow
 * commit order within a station (queue-calling/calling.ts lockStationEvents), so nothing committed
 * later can appear below a cursor a display has read.
 */
export async function stationCursor(db: SqlQueries, stationId: string): Promise<number> {
  const row = await db.get<{ cursor: number | null }>(
    'SELECT MAX(event_id) AS cursor FROM ticket_events WHERE station_id = ?',
    [stationId],
  );
  return row?.cursor ?? 0;
}

/** Today's announcements after `after`, oldest first; only the newest `limit` when more are waiting. */
export async function callsAfter(
  db: SqlQueries,
  stationId: string,
  after: number,
  now: Date,
  limit: number,
): Promise<CallEntry[]> {
  const rows = await db.all<EventRow>(
    `${SELECT_ENTRY} WHERE ${ANNOUNCED} AND e.event_id > ? ORDER BY e.event_id DESC LIMIT ?`,
    [stationId, chinaDay(now), after, limit],
  );
  return rows.reverse().map(toEntry);
}

/** One announcement by id, when it is a call or recall of that station (for its speech). */
export async function callById(db: SqlQueries, stationId: string, eventId: number): Promise<CallEntry | null> {
  const row = await db.get<EventRow>(
    `${SELECT_ENTRY} WHERE e.station_id = ? AND e.event_id = ? AND e.kind IN ('called', 'recalled') AND e.window_no IS NOT NULL`,
    [stationId, eventId],
  );
  return row ? toEntry(row) : null;
}

/** Whether the platform knows the station: a terminal of it was registered, or it has windows. */
export async function stationKnown(db: SqlQueries, stationId: string): Promise<boolean> {
  const row = await db.get(
    'SELECT 1 AS known FROM terminals WHERE station_id = ? UNION ALL SELECT 1 AS known FROM queue_windows WHERE station_id = ? LIMIT 1',
    [stationId, stationId],
  );
  return row !== undefined;
}

/**
 * The board as of the station's cursor, read first: current and recent are bounded by it, so a
 * call committed while the board is read is not shown here but is after the cursor, where the
 * stream (or the next poll) picks it up.
 */
export async function callBoard(db: SqlQueries, stationId: string, now: Date): Promise<CallBoard> {
  const day = chinaDay(now);
  const cursor = await stationCursor(db, stationId);
  const current = await db.all<EventRow>(
    `${SELECT_ENTRY} WHERE e.event_id IN (
       SELECT MAX(e.event_id) FROM ticket_events e JOIN tickets t ON t.ticket_id = e.ticket_id
        WHERE ${ANNOUNCED} AND e.event_id <= ? GROUP BY e.window_no)
     ORDER BY e.window_no`,
    [stationId, day, cursor],
  );
  const recent = await db.all<EventRow>(
    `${SELECT_ENTRY} WHERE ${ANNOUNCED} AND e.event_id <= ? ORDER BY e.event_id DESC LIMIT 5`,
    [stationId, day, cursor],
  );
  const point = await findServicePoint(db, stationId);
  return {
    stationId,
    stationName: point?.name ?? null,
    day,
    cursor,
    current: current.map(toEntry),
    recent: recent.map(toEntry),
  };
}

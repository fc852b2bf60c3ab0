import type Database from 'better-sqlite3';
import type { CallBoard, CallEntry } from '../../contract/call-display';
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
  SELECT e.event_id AS eventId, e.kind AS kind, t.ticket_no AS ticketNo, e.window_no AS windowNo,
         w.label AS windowLabel, e.at AS at
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

/** The newest event id of the station, announced or not: a cursor never goes back. */
export function stationCursor(db: Database.Database, stationId: string): number {
  const row = db.prepare('SELECT MAX(event_id) AS cursor FROM ticket_events WHERE station_id = ?').get(stationId) as {
    cursor: number | null;
  };
  return row.cursor ?? 0;
}

/** Today's announcements after `after`, oldest first; only the newest `limit` when more are waiting. */
export function callsAfter(
  db: Database.Database,
  stationId: string,
  after: number,
  now: Date,
  limit: number,
): CallEntry[] {
  const rows = db
    .prepare(`${SELECT_ENTRY} WHERE ${ANNOUNCED} AND e.event_id > ? ORDER BY e.event_id DESC LIMIT ?`)
    .all(stationId, chinaDay(now), after, limit) as EventRow[];
  return rows.reverse().map(toEntry);
}

/** One announcement by id, when it is a call or recall of that station (for its speech). */
export function callById(db: Database.Database, stationId: string, eventId: number): CallEntry | null {
  const row = db
    .prepare(
      `${SELECT_ENTRY} WHERE e.station_id = ? AND e.event_id = ? AND e.kind IN ('called', 'recalled') AND e.window_no IS NOT NULL`,
    )
    .get(stationId, eventId) as EventRow | undefined;
  return row ? toEntry(row) : null;
}

/** Whether the platform knows the station: a terminal of it was registered, or it has windows. */
export function stationKnown(db: Database.Database, stationId: string): boolean {
  return (
    db
      .prepare(
        'SELECT 1 FROM terminals WHERE station_id = ? UNION ALL SELECT 1 FROM queue_windows WHERE station_id = ? LIMIT 1',
      )
      .get(stationId, stationId) !== undefined
  );
}

export function callBoard(db: Database.Database, stationId: string, now: Date): CallBoard {
  const day = chinaDay(now);
  const current = db
    .prepare(
      `${SELECT_ENTRY} WHERE e.event_id IN (
         SELECT MAX(e.event_id) FROM ticket_events e JOIN tickets t ON t.ticket_id = e.ticket_id
          WHERE ${ANNOUNCED} GROUP BY e.window_no)
       ORDER BY e.window_no`,
    )
    .all(stationId, day) as EventRow[];
  const recent = db
    .prepare(`${SELECT_ENTRY} WHERE ${ANNOUNCED} ORDER BY e.event_id DESC LIMIT 5`)
    .all(stationId, day) as EventRow[];
  const point = findServicePoint(db, stationId);
  return {
    stationId,
    stationName: point?.name ?? null,
    day,
    cursor: stationCursor(db, stationId),
    current: current.map(toEntry),
    recent: recent.map(toEntry),
  };
}

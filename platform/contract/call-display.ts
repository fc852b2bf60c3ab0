import { z } from 'zod';
import { IsoDate, IsoDateTime, StationId } from './common';
import { TicketNo } from './queue';

/**
 * The call display (叫号屏) a station shows on its TV at /display/<stationId>: what was called to
 * which window, nothing else. Public by design: the same ticket numbers and window labels are on
 * the wall of the room for anyone to read, so no name, service or personal detail ever travels
 * here (docs/station-staff.md). Served by platform/server/call-display/.
 */

export const CALL_DISPLAY_BASE_PATH = '/call-display/v1';
/** Where the page itself lives: /display/<stationId>, its built assets under /display/assets/. */
export const CALL_DISPLAY_PAGE_PATH = '/display';

export const callDisplayPaths = {
  stream: (stationId: string) => `${CALL_DISPLAY_BASE_PATH}/stations/${encodeURIComponent(stationId)}/stream`,
  calls: (stationId: string) => `${CALL_DISPLAY_BASE_PATH}/stations/${encodeURIComponent(stationId)}/calls`,
  announcement: (stationId: string, eventId: number) =>
    `${CALL_DISPLAY_BASE_PATH}/stations/${encodeURIComponent(stationId)}/announcements/${eventId}.wav`,
  chime: () => `${CALL_DISPLAY_BASE_PATH}/chime.wav`,
} as const;

/** One call or recall, as ticket_events stored it; `eventId` is the cursor and only grows. */
export const CallEntry = z.object({
  eventId: z.number().int().positive(),
  kind: z.enum(['called', 'recalled']),
  ticketNo: TicketNo,
  windowNo: z.number().int().min(1).max(99),
  windowLabel: z.string().min(1).max(20),
  at: IsoDateTime,
  /** What is spoken (Chinese numerals already written out), for a caption and the speech cache. */
  speech: z.string().min(1).max(80),
});
export type CallEntry = z.infer<typeof CallEntry>;

export const CallBoard = z.object({
  stationId: StationId,
  /** The station's service-point name when it is published; null otherwise. */
  stationName: z.string().nullable(),
  day: IsoDate,
  /** The newest event id of the station (0 before the first call ever). */
  cursor: z.number().int().min(0),
  /** The latest call or recall of today per window, by window number. */
  current: z.array(CallEntry).max(99),
  /** Today's last five calls and recalls, newest first. */
  recent: z.array(CallEntry).max(5),
});
export type CallBoard = z.infer<typeof CallBoard>;

/** The polling answer: the board now, and the announcements after `after`, oldest first (at most five). */
export const CallPoll = z.object({ board: CallBoard, events: z.array(CallEntry).max(5) });
export type CallPoll = z.infer<typeof CallPoll>;

export const CallPollQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

/** Server-sent event names: `board` (on connect, id = cursor) and `call` (each new call or recall, id = eventId). */
export const CALL_STREAM_EVENTS = { board: 'board', call: 'call' } as const;

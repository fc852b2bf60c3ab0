import type { CallBoard, CallEntry } from '../../contract/call-display';

/**
 * What the display shows, and only that: the current call per window (at most 99 windows) and the
 * last five. Calls that arrive are folded in and the old ones dropped, so a display that runs for
 * days holds the same amount whatever the number of calls.
 */
export interface BoardState {
  stationName: string | null;
  cursor: number;
  readonly current: Map<number, CallEntry>;
  recent: CallEntry[];
  newestEventId: number | null;
}

export const RECENT_SHOWN = 5;

export function emptyBoard(): BoardState {
  return { stationName: null, cursor: 0, current: new Map(), recent: [], newestEventId: null };
}

/** The board as the platform sent it replaces what was shown (a reconnect, a poll, a new day). */
export function applyBoard(state: BoardState, board: CallBoard): void {
  state.stationName = board.stationName;
  // A platform restored from an older backup has a lower cursor: follow it, or new calls would be ignored.
  state.cursor = board.cursor;
  state.current.clear();
  for (const entry of board.current) state.current.set(entry.windowNo, entry);
  state.recent = board.recent.slice(0, RECENT_SHOWN);
  state.newestEventId = board.recent[0]?.eventId ?? null;
}

/** A new call or recall; false when it was already seen (the stream and a poll may both bring it). */
export function applyCall(state: BoardState, entry: CallEntry): boolean {
  if (entry.eventId <= state.cursor) return false;
  state.cursor = entry.eventId;
  state.current.set(entry.windowNo, entry);
  state.recent = [entry, ...state.recent].slice(0, RECENT_SHOWN);
  state.newestEventId = entry.eventId;
  return true;
}

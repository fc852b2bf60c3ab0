import { CALL_STREAM_EVENTS, CallBoard, CallEntry, CallPoll, callDisplayPaths } from '../../contract/call-display';

/**
 * Keeps the display fed, whatever happens to the platform or the network between:
 *
 * - Server-sent events first. The browser reconnects a dropped stream by itself (the platform
 *   asks for 2 s) and sends Last-Event-ID, so the calls made while it was away are announced.
 * - When the stream is refused (503: too many displays; a proxy that breaks SSE) or does not come
 *   back, polling `calls?after=<cursor>` every 2 s keeps the board right, and a new stream is tried
 *   with back-off (1 s doubling to 30 s), carrying the cursor in its URL.
 * - `onLink(false)` as soon as the stream is lost: the page shows a discreet "reconnecting".
 */

export interface FeedHandlers {
  onBoard(board: CallBoard): void;
  onCall(entry: CallEntry): void;
  onLink(live: boolean): void;
  cursor(): number;
}

const POLL_MS = 2_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** A stream still not open this long after an error is replaced. */
const STREAM_GIVE_UP_MS = 10_000;

export function connectFeed(stationId: string, handlers: FeedHandlers): void {
  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let giveUpTimer: ReturnType<typeof setTimeout> | null = null;
  let backoff = BACKOFF_FIRST_MS;
  let pollInFlight = false;

  const parse = <T>(
    schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
    text: string,
  ) => {
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const poll = async () => {
    pollTimer = null;
    if (pollInFlight) return;
    pollInFlight = true;
    try {
      const response = await fetch(`${callDisplayPaths.calls(stationId)}?after=${handlers.cursor()}`, {
        cache: 'no-store',
      });
      if (response.ok) {
        const answer = parse(CallPoll, await response.text());
        if (answer) {
          for (const entry of answer.events) handlers.onCall(entry);
          handlers.onBoard(answer.board);
        }
      }
    } catch {
      // The platform is away; the next poll tries again.
    } finally {
      pollInFlight = false;
    }
    if (source?.readyState !== EventSource.OPEN) pollTimer = setTimeout(() => void poll(), POLL_MS);
  };

  const startPolling = () => {
    if (pollTimer === null && !pollInFlight) pollTimer = setTimeout(() => void poll(), 0);
  };
  const stopPolling = () => {
    if (pollTimer !== null) clearTimeout(pollTimer);
    pollTimer = null;
  };

  const replaceStream = () => {
    source?.close();
    source = null;
    if (giveUpTimer !== null) clearTimeout(giveUpTimer);
    giveUpTimer = null;
    if (retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, backoff);
    backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
  };

  function open() {
    const cursor = handlers.cursor();
    const url = `${callDisplayPaths.stream(stationId)}${cursor > 0 ? `?lastEventId=${cursor}` : ''}`;
    const stream = new EventSource(url);
    source = stream;
    stream.onopen = () => {
      backoff = BACKOFF_FIRST_MS;
      if (giveUpTimer !== null) clearTimeout(giveUpTimer);
      giveUpTimer = null;
      stopPolling();
      handlers.onLink(true);
    };
    stream.addEventListener(CALL_STREAM_EVENTS.board, (event) => {
      const board = parse(CallBoard, (event as MessageEvent<string>).data);
      if (board) handlers.onBoard(board);
    });
    stream.addEventListener(CALL_STREAM_EVENTS.call, (event) => {
      const entry = parse(CallEntry, (event as MessageEvent<string>).data);
      if (entry) handlers.onCall(entry);
    });
    stream.onerror = () => {
      if (source !== stream) return;
      handlers.onLink(false);
      startPolling();
      if (stream.readyState === EventSource.CLOSED) replaceStream();
      else giveUpTimer ??= setTimeout(replaceStream, STREAM_GIVE_UP_MS);
    };
  }

  open();
}

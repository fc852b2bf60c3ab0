import type { Hono } from 'hono';
import { CALL_DISPLAY_BASE_PATH, CallPollQuery, type CallPoll } from '../../contract/call-display';
import { StationId } from '../../contract/common';
import { problemResponse } from '../http/problem';
import type { AppEnv, PlatformContext } from '../http/types';
import { createAnnouncementAudio, type AnnouncementAudio } from './announcement-audio';
import { callBoard, callById, callsAfter, stationKnown } from './board';
import { createCallStreams, DEFAULT_CALL_STREAM_LIMITS, type CallStreamLimits, type CallStreams } from './call-stream';
import { chimeWav } from './chime';

/**
 * The call display's read-only API under /call-display/v1 (platform/contract/call-display.ts).
 * No login: a TV in the waiting room has nobody to sign in, and what it reads is what the room
 * sees on the wall anyway — ticket numbers and window labels, never a name or a service. Unknown
 * stations answer 404, so the API says nothing about which ids exist beyond "a kiosk is there".
 *
 *   GET stations/{id}/stream                  server-sent events (call-stream.ts)
 *   GET stations/{id}/calls?after=<cursor>    the polling fallback: board + calls after the cursor
 *   GET stations/{id}/announcements/{n}.wav   the spoken announcement of call n (espeak-ng, cached)
 *   GET chime.wav                             the ding-dong before each announcement
 */

export interface CallDisplayOptions {
  readonly limits?: Partial<CallStreamLimits>;
  readonly audio?: AnnouncementAudio;
}

export interface CallDisplayService {
  readonly streams: CallStreams;
  readonly audio: AnnouncementAudio;
}

const WAV_HEADERS = { 'content-type': 'audio/wav', 'x-content-type-options': 'nosniff' };

export function registerCallDisplayRoutes(
  app: Hono<AppEnv>,
  ctx: PlatformContext,
  options: CallDisplayOptions = {},
): CallDisplayService {
  const streams = createCallStreams(ctx, { ...DEFAULT_CALL_STREAM_LIMITS, ...options.limits });
  const audio = options.audio ?? createAnnouncementAudio();
  const base = CALL_DISPLAY_BASE_PATH;
  const unknown = () => problemResponse(404, 'notFound', 'no such station');

  const station = async (raw: string): Promise<string | null> => {
    const parsed = StationId.safeParse(raw);
    return parsed.success && (await stationKnown(ctx.sql, parsed.data)) ? parsed.data : null;
  };

  app.get(`${base}/chime.wav`, (c) =>
    c.body(new Uint8Array(chimeWav()), 200, { ...WAV_HEADERS, 'cache-control': 'public, max-age=86400' }),
  );

  app.get(`${base}/stations/:stationId/stream`, async (c) => {
    const stationId = await station(c.req.param('stationId'));
    if (stationId === null) return unknown();
    // The browser sends Last-Event-ID on its own reconnects; a display that opens a new stream passes it in the query.
    const header = c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? '';
    const lastEventId = /^[0-9]{1,15}$/.test(header) ? Number(header) : null;
    return streams.open(c, stationId, lastEventId);
  });

  app.get(`${base}/stations/:stationId/calls`, async (c) => {
    const stationId = await station(c.req.param('stationId'));
    if (stationId === null) return unknown();
    const query = CallPollQuery.safeParse(c.req.query());
    if (!query.success) return problemResponse(422, 'validationFailed', 'after must be a cursor (a whole number)');
    const now = ctx.now();
    const board = await callBoard(ctx.sql, stationId, now);
    const after = query.data.after;
    const events =
      after === undefined || after >= board.cursor ? [] : await callsAfter(ctx.sql, stationId, after, now, 5);
    const answer: CallPoll = { board, events };
    return c.json(answer, 200, { 'cache-control': 'no-store' });
  });

  app.get(`${base}/stations/:stationId/announcements/:file`, async (c) => {
    const stationId = await station(c.req.param('stationId'));
    if (stationId === null) return unknown();
    const match = /^([0-9]{1,15})\.wav$/.exec(c.req.param('file'));
    const entry = match ? await callById(ctx.sql, stationId, Number(match[1])) : null;
    if (entry === null) return problemResponse(404, 'notFound', 'no such call');
    const wav = await audio.wavFor(entry.speech);
    if (!wav.ok) {
      ctx.log('warn', 'call announcement not synthesised', { stationId, kind: wav.error.kind });
      return problemResponse(503, 'serviceUnavailable', 'speech is not available on this platform');
    }
    // An event's words never change, so its clip may be kept by the browser.
    return c.body(new Uint8Array(wav.value), 200, { ...WAV_HEADERS, 'cache-control': 'public, max-age=86400' });
  });

  return { streams, audio };
}

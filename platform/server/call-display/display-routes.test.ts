import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from '../../../core/speech/wav';
import { callDisplayPaths, CallPoll } from '../../contract/call-display';
import { startDisplayPlatform, STATION, type DisplayPlatform } from './calls.testing';

let platform: DisplayPlatform;
afterEach(() => platform.close());

const get = (path: string) => fetch(`${platform.origin}${path}`);

describe('call display polling and audio', () => {
  it('polls: the board, and the calls after the cursor given', async () => {
    platform = await startDisplayPlatform();
    const seen = await platform.announce(await platform.issueTicket(), 'called', 1);
    const next = await platform.announce(await platform.issueTicket(), 'called', 2);
    const fresh = CallPoll.parse(await (await get(callDisplayPaths.calls(STATION))).json());
    expect(fresh.board.cursor).toBe(next);
    expect(fresh.events).toEqual([]);
    const resumed = CallPoll.parse(await (await get(`${callDisplayPaths.calls(STATION)}?after=${seen}`)).json());
    expect(resumed.events.map((e) => e.eventId)).toEqual([next]);
    const current = CallPoll.parse(await (await get(`${callDisplayPaths.calls(STATION)}?after=${next}`)).json());
    expect(current.events).toEqual([]);
    expect((await get(`${callDisplayPaths.calls(STATION)}?after=abc`)).status).toBe(422);
  });

  it('speaks a call as a WAV made by espeak-ng, and keeps it by its text', async () => {
    platform = await startDisplayPlatform();
    const ticket = await platform.issueTicket();
    const id = await platform.announce(ticket, 'called', 1);
    const response = await get(callDisplayPaths.announcement(STATION, id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const wav = readWav(new Uint8Array(await response.arrayBuffer()));
    // "请C零零一号到一号窗口" is eleven syllables: well over a second at ≈ 4 syllables/s.
    expect(wav?.durationMs).toBeGreaterThan(1_500);
    const recall = await platform.announce(ticket, 'recalled', 1);
    const again = readWav(
      new Uint8Array(await (await get(callDisplayPaths.announcement(STATION, recall))).arrayBuffer()),
    );
    // 再次呼叫 comes first, so the recall is longer than the call.
    expect(again?.durationMs).toBeGreaterThan((wav?.durationMs ?? 0) + 500);
    // Two espeak-ng runs: a ceiling for a busy machine, not a speed check (that is tests/bench/speech.bench.ts).
  }, 30_000);

  it('does not speak what is not a call of that station', async () => {
    platform = await startDisplayPlatform();
    const id = await platform.announce(await platform.issueTicket(), 'called', 1);
    expect((await get(callDisplayPaths.announcement('kiosk-2', id))).status).toBe(404);
    expect((await get(callDisplayPaths.announcement(STATION, id + 1))).status).toBe(404);
    expect((await get(`/call-display/v1/stations/${STATION}/announcements/x.wav`)).status).toBe(404);
  });

  it('serves the chime as a short PCM WAV of its own making', async () => {
    platform = await startDisplayPlatform();
    const response = await get(callDisplayPaths.chime());
    const wav = readWav(new Uint8Array(await response.arrayBuffer()));
    expect(wav).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: 22_050 });
    expect(wav?.durationMs).toBeGreaterThan(1_000);
    expect(wav?.durationMs).toBeLessThan(2_000);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../core/pure/result';
import type { IdCardEvent } from '../../core/api/devices';
import type { Exchange } from './exchange';
import { silentDriverLogger } from './exchange';
import { elderlyResident } from './fixtures';
import { createPollLoop, MIN_FIND_GAP_MS, type PollLoop } from './poll-loop';
import { encodeIdCard, encodeReadPayload } from './read-payload';
import { SW3 } from './sw3';

/**
 * The loop's pace, on fake time: a scripted exchange answers at once (or after `answerAfterMs`),
 * so these tests count finds and fake milliseconds, never wall-clock ones.
 */
const PERIOD_MS = 1000;

function scriptedReader() {
  const reader = {
    card: false,
    silent: false,
    answerAfterMs: 0,
    finds: [] as number[],
  };
  const answer = <T>(value: T) =>
    new Promise<T>((resolve) => {
      if (reader.answerAfterMs === 0) resolve(value);
      else setTimeout(() => resolve(value), reader.answerAfterMs);
    });
  const response = (sw3: number, data: Uint8Array = new Uint8Array()) => ok({ sw1: 0, sw2: 0, sw3, data });
  const exchange: Exchange = {
    send(command) {
      if (reader.silent) return answer(err({ kind: 'noResponse', garbled: false, detail: 'silent' }));
      switch (command) {
        case 'findCard':
          reader.finds.push(Date.now());
          return answer(response(reader.card ? SW3.CARD_FOUND : SW3.NO_CARD));
        case 'selectCard':
          return answer(response(SW3.OK));
        case 'readCard':
          return answer(response(SW3.OK, encodeReadPayload(encodeIdCard(elderlyResident), 'text+photo')));
        default:
          throw new Error(`unexpected ${command}`);
      }
    },
    abort: () => undefined,
    close: () => undefined,
  };
  return { reader, exchange };
}

let loop: PollLoop | null = null;
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(async () => {
  await loop?.stop();
  loop = null;
  vi.useRealTimers();
});

function start(exchange: Exchange) {
  const events: IdCardEvent['type'][] = [];
  loop = createPollLoop({
    exchange,
    logger: silentDriverLogger,
    pollIntervalMs: PERIOD_MS,
    shortTimeoutMs: 500,
    readTimeoutMs: 2000,
    readAttempts: 2,
    onDisconnected: () => undefined,
  });
  loop.onEvent((event) => events.push(event.type));
  loop.start();
  return events;
}

describe('ID card poll loop: pace', () => {
  it('reads a card placed mid-period within one short gap, not at the configured period', async () => {
    const { reader, exchange } = scriptedReader();
    const events = start(exchange);
    await vi.advanceTimersByTimeAsync(PERIOD_MS / 2);
    reader.card = true;
    await vi.advanceTimersByTimeAsync(MIN_FIND_GAP_MS + 1);
    // With the find period as the gap (the loop before this test), the card waited up to 1000 ms.
    expect(events).toEqual(['present', 'read']);
  });

  it('keeps finds the reader answers at least MIN_FIND_GAP_MS apart', async () => {
    const { reader, exchange } = scriptedReader();
    start(exchange);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
    const gaps = reader.finds.slice(1).map((at, i) => at - reader.finds[i]!);
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_FIND_GAP_MS);
  });

  it('waits at least a find round trip between finds, so a slow line is idle half the time', async () => {
    const { reader, exchange } = scriptedReader();
    reader.answerAfterMs = 40; // a find at 9600 baud and a slow SAM
    start(exchange);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
    const gaps = reader.finds.slice(1).map((at, i) => at - reader.finds[i]!);
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2 * 40);
  });

  it('asks a reader that does not answer once per configured period', async () => {
    const { reader, exchange } = scriptedReader();
    reader.silent = true;
    const asked: number[] = [];
    const counting: Exchange = {
      ...exchange,
      send: (command, timeoutMs) => {
        asked.push(Date.now());
        return exchange.send(command, timeoutMs);
      },
    };
    start(counting);
    await vi.advanceTimersByTimeAsync(3 * PERIOD_MS + 1);
    expect(asked).toEqual([0, PERIOD_MS, 2 * PERIOD_MS, 3 * PERIOD_MS]);
  });
});

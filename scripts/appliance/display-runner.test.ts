import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { EXIT_UNAVAILABLE, runDisplay } from './display-runner';
import { handClock } from './testing/hand-clock';

const URL_A = 'http://127.0.0.1:8470/#key=AAAAAAAAAAAAAAAAAAAAAAAA';
const URL_B = 'http://127.0.0.1:8470/#key=BBBBBBBBBBBBBBBBBBBBBBBB';

/** The URL file's content as the test sets it; a clock moved by hand; the browsers started. */
let fileText: string | null = null;
let clock = handClock();
const events: string[] = [];
const exits: number[] = [];
let running: { stop(): Promise<void> } | null = null;

afterEach(async () => {
  await running?.stop();
  running = null;
  fileText = null;
  clock = handClock();
  events.length = 0;
  exits.length = 0;
});

function start() {
  running = runDisplay({
    watch: { file: '/run/bianmin-kiosk/kiosk-url', pollMs: 500, waitLimitMs: 30_000, reportEveryMs: 10_000 },
    watchDeps: {
      readFile: () => fileText,
      now: clock.now,
      setTimer: clock.setTimer,
    },
    startBrowser(url) {
      const key = url.slice(-1);
      events.push(`start ${key}`);
      return {
        async stop() {
          // A browser takes a moment to go; the next must not start before it has.
          await new Promise((resolve) => setImmediate(resolve));
          events.push(`stopped ${key}`);
        },
      };
    },
    logger: pino({ level: 'silent' }),
    exit: (code) => exits.push(code),
  });
}

/** Moves the clock on, running due polls, and lets the browser changes they caused finish. */
const advance = (ms: number) =>
  clock.advanceSettling(ms, async () => {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  });

describe('runDisplay', () => {
  it('starts the browser once the URL is there', async () => {
    start();
    await advance(5_000);
    expect(events).toEqual([]);

    fileText = `${URL_A}\n`;
    await advance(1_000);
    expect(events).toEqual(['start A']);
  });

  it('replaces the browser when the service comes back with a new URL, stopping the old one first', async () => {
    fileText = URL_A;
    start();
    await advance(1_000);
    fileText = null;
    await advance(1_000);
    fileText = URL_B;
    await advance(1_000);

    expect(events).toEqual(['start A', 'stopped A', 'start B']);
  });

  it('replaces the browser when the URL changes in place', async () => {
    fileText = URL_A;
    start();
    await advance(1_000);
    fileText = URL_B;
    await advance(1_000);

    expect(events).toEqual(['start A', 'stopped A', 'start B']);
  });

  it('ends with EX_UNAVAILABLE when the service does not come back in time', async () => {
    fileText = URL_A;
    start();
    await advance(1_000);
    fileText = null;
    await advance(29_000);
    expect(exits).toEqual([]);

    await advance(2_000);
    expect(events).toEqual(['start A', 'stopped A']);
    expect(exits).toEqual([EXIT_UNAVAILABLE]);
  });

  it('stops the browser when stopped', async () => {
    fileText = URL_A;
    start();
    await advance(1_000);
    await running?.stop();
    running = null;

    expect(events).toEqual(['start A', 'stopped A']);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKioskUrl, readIfPresent, watchKioskUrl, type KioskUrlWatchOptions } from './kiosk-url-watch';
import { handClock } from './testing/hand-clock';

const URL_A = 'http://127.0.0.1:8470/#key=AAAAAAAAAAAAAAAAAAAAAAAA';
const URL_B = 'http://127.0.0.1:8470/#key=BBBBBBBBBBBBBBBBBBBBBBBB';

/** The service's runtime folder in a temporary place; a clock the test moves by hand. */
let base = '';
let runtimeDir = '';
let file = '';
let clock = handClock();
const seen: string[] = [];

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-url-'));
  runtimeDir = join(base, 'bianmin-kiosk');
  file = join(runtimeDir, 'kiosk-url');
  clock = handClock();
  seen.length = 0;
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function startWatch(overrides: Partial<KioskUrlWatchOptions> = {}) {
  return watchKioskUrl(
    { file, pollMs: 500, waitLimitMs: 60_000, reportEveryMs: 10_000, ...overrides },
    {
      show: (url) => seen.push(`show ${url}`),
      gone: () => seen.push('gone'),
      waiting: (waited, content) => seen.push(`waiting ${waited} ${content}`),
      gaveUp: (waited) => seen.push(`gaveUp ${waited}`),
    },
    {
      readFile: readIfPresent,
      now: clock.now,
      setTimer: clock.setTimer,
    },
  );
}

/** Moves the clock on by `ms`, running each poll that falls due. */
const advance = (ms: number) => clock.advance(ms);

function serviceWrites(url: string) {
  mkdirSync(runtimeDir, { recursive: true });
  writeFileSync(file, `${url}\n`);
}

describe('watchKioskUrl', () => {
  it('waits for the service, reporting while it waits, and shows the URL once it is there', () => {
    startWatch();
    advance(25_000);
    expect(seen).toEqual(['waiting 10000 absent', 'waiting 20000 absent']);

    serviceWrites(URL_A);
    advance(1_000);

    expect(seen.slice(2)).toEqual([`show ${URL_A}`]);
  });

  it('never shows a half-written URL: a URL is taken when two reads agree', () => {
    startWatch();
    serviceWrites('http://127.0.0.1:8470/#key=AAAAAAAAAAAAAAAAAAAAAAA');
    advance(500);
    serviceWrites(URL_A);
    advance(500);
    expect(seen).toEqual([]);

    advance(500);
    expect(seen).toEqual([`show ${URL_A}`]);
  });

  it('loads the new URL when the service starts again with a new launch key', () => {
    serviceWrites(URL_A);
    startWatch();
    advance(1_000);

    // The service restarted: systemd removed its runtime folder, the new run wrote a new URL.
    rmSync(runtimeDir, { recursive: true });
    advance(1_000);
    serviceWrites(URL_B);
    advance(1_000);

    expect(seen).toEqual([`show ${URL_A}`, 'gone', `show ${URL_B}`]);
  });

  it('loads a URL that changes in place, and does not show the same one twice', () => {
    serviceWrites(URL_A);
    startWatch();
    advance(5_000);
    serviceWrites(URL_B);
    advance(5_000);

    expect(seen).toEqual([`show ${URL_A}`, `show ${URL_B}`]);
  });

  it('keeps the page through a file that holds no URL, but reports it when nothing is shown', () => {
    serviceWrites('starting');
    startWatch();
    advance(10_000);
    expect(seen).toEqual(['waiting 10000 notUrl']);

    serviceWrites(URL_A);
    advance(1_000);
    serviceWrites('garbage');
    advance(20_000);

    expect(seen).toEqual(['waiting 10000 notUrl', `show ${URL_A}`]);
  });

  it('gives up after the wait limit, and again after a URL that went away', () => {
    const first = startWatch({ waitLimitMs: 30_000 });
    advance(60_000);
    expect(seen.at(-1)).toBe('gaveUp 30000');
    expect(clock.pendingTimers()).toBe(0);
    first.stop();

    seen.length = 0;
    serviceWrites(URL_A);
    startWatch({ waitLimitMs: 30_000 });
    advance(1_000);
    rmSync(file);
    advance(40_000);
    expect(seen).toEqual([`show ${URL_A}`, 'gone', 'waiting 10000 absent', 'waiting 20000 absent', 'gaveUp 30000']);
  });

  it('stops polling when stopped', () => {
    const watch = startWatch();
    watch.stop();
    serviceWrites(URL_A);
    advance(5_000);
    expect(seen).toEqual([]);
  });
});

describe('parseKioskUrl', () => {
  it('takes the loopback URL with a launch key, and nothing else', () => {
    expect(parseKioskUrl(`${URL_A}\n`)).toBe(URL_A);
    expect(parseKioskUrl(`  ${URL_A}  `)).toBe(URL_A);
    expect(parseKioskUrl('http://127.0.0.1:8470/')).toBeNull();
    expect(parseKioskUrl('http://example.com:8470/#key=AAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(parseKioskUrl('javascript:alert(1)//#key=AAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(parseKioskUrl('')).toBeNull();
  });
});

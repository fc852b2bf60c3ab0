import { readFileSync } from 'node:fs';

/**
 * Follows the file where bianmin-kiosk.service leaves the URL it serves (with this run's launch
 * key, core/api/launch-key.ts): /run/bianmin-kiosk/kiosk-url. systemd removes that folder whenever
 * the service stops or restarts (RuntimeDirectoryPreserve=no in packaging/systemd), so the file is
 * there exactly while a run is up, and a new run brings a new key. The file is polled, not watched
 * with inotify: its folder itself comes and goes, which a watch on it does not survive.
 */
export const DEFAULT_KIOSK_URL_FILE = '/run/bianmin-kiosk/kiosk-url';

/** The browser host's URL: loopback, a port, the launch key in the fragment. */
const KIOSK_URL_PATTERN = /^http:\/\/127\.0\.0\.1:\d{1,5}\/#key=[A-Za-z0-9_-]{22,128}$/;

export interface KioskUrlWatchOptions {
  readonly file: string;
  readonly pollMs: number;
  /** How long to wait without a URL before giving up (the unit then starts the display again). */
  readonly waitLimitMs: number;
  /** How often a wait is reported in the log. */
  readonly reportEveryMs: number;
}

export const DEFAULT_WATCH: Omit<KioskUrlWatchOptions, 'file'> = {
  pollMs: 500,
  waitLimitMs: 180_000,
  reportEveryMs: 15_000,
};

export interface KioskUrlEvents {
  /** A URL to show: the first one, or a new one (the service started again with a new key). */
  show(url: string): void;
  /** The file is gone: the service stopped or is restarting; its page is dead. */
  gone(): void;
  /** Still no URL after `waitedMs`; `content` says what the file held if it held something else. */
  waiting(waitedMs: number, content: 'absent' | 'notUrl'): void;
  /** No URL for waitLimitMs; the watch has stopped. */
  gaveUp(waitedMs: number): void;
}

export interface KioskUrlWatchDeps {
  /** The file's text, or null when it does not exist. */
  readFile(path: string): string | null;
  now(): number;
  setTimer(run: () => void, ms: number): { cancel(): void };
}

/**
 * Reads the file every pollMs. A URL is taken once two reads in a row agree, so a file caught
 * half-written is never shown. A file that holds something else is waited through; only a file
 * that is gone ends the page shown.
 */
export function watchKioskUrl(
  options: KioskUrlWatchOptions,
  events: KioskUrlEvents,
  deps: KioskUrlWatchDeps = nodeWatchDeps,
): { stop(): void } {
  let shown: string | null = null;
  let candidate: string | null = null;
  let waitingSince: number | null = deps.now();
  let lastReport = deps.now();
  let timer: { cancel(): void } | null = null;
  let stopped = false;

  const poll = () => {
    timer = null;
    if (stopped) return;
    const text = deps.readFile(options.file);
    const url = text === null ? null : parseKioskUrl(text);
    if (url !== null && url !== shown) {
      if (url === candidate) {
        shown = url;
        candidate = null;
        waitingSince = null;
        events.show(url);
      } else {
        candidate = url;
      }
    } else if (url === null) {
      candidate = null;
      if (text === null && shown !== null) {
        shown = null;
        events.gone();
      }
      if (shown === null && waitingSince === null) {
        waitingSince = deps.now();
        lastReport = waitingSince;
      }
    }
    if (shown === null && waitingSince !== null) {
      const waited = deps.now() - waitingSince;
      if (waited >= options.waitLimitMs) {
        stopped = true;
        events.gaveUp(waited);
        return;
      }
      if (deps.now() - lastReport >= options.reportEveryMs) {
        lastReport = deps.now();
        events.waiting(waited, text === null ? 'absent' : 'notUrl');
      }
    }
    timer = deps.setTimer(poll, options.pollMs);
  };
  poll();

  return {
    stop() {
      stopped = true;
      timer?.cancel();
    },
  };
}

export function parseKioskUrl(text: string): string | null {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  return KIOSK_URL_PATTERN.test(firstLine) ? firstLine : null;
}

/** The file's text, or null when it (or its folder) does not exist. */
export function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    // Anything else (a permission the package got wrong) ends the launcher with the reason.
    throw error;
  }
}

const nodeWatchDeps: KioskUrlWatchDeps = {
  readFile: readIfPresent,
  now: () => Date.now(),
  setTimer(run, ms) {
    const timer = setTimeout(run, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};

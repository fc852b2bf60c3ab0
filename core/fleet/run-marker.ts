import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the previous run of the kiosk ended, from a marker in the data folder: `running` is
 * written at start and removed by an orderly stop (core/app/start.ts close). Found at the next
 * start, the previous run ended without one: it crashed, was killed, or lost power.
 *
 * Watchdog versus crash: systemd does not tell a restarted service why its predecessor ended (it
 * gives SERVICE_RESULT only to ExecStop/ExecStopPost). The kiosk's watchdog loop withholds
 * WATCHDOG=1 when it finds itself unwell; when it does, `noteWatchdogWithheld` stamps the marker,
 * and a stamped marker found at start means systemd's watchdog most likely killed the run.
 * Without the stamp (a hard hang that stopped even that), the restart is recorded as a crash.
 */
export type PreviousRun = 'cleanStop' | 'crash' | 'watchdog';

const MARKER = 'running';
const WITHHELD = 'watchdog-withheld';

export function readPreviousRun(dataDir: string): PreviousRun {
  const marker = join(dataDir, MARKER);
  if (!existsSync(marker)) return 'cleanStop';
  let text = '';
  try {
    text = readFileSync(marker, 'utf8');
  } catch {
    return 'crash';
  }
  return text.includes(WITHHELD) ? 'watchdog' : 'crash';
}

/** At start, after reading the previous run: this run is now the one in progress. */
export function markRunning(dataDir: string, now: Date): void {
  writeFileSync(join(dataDir, MARKER), `started ${now.toISOString()}\n`, { mode: 0o600 });
}

/** The watchdog loop stopped sending keep-alives: if systemd kills this run, the next one knows why. */
export function noteWatchdogWithheld(dataDir: string, now: Date): void {
  try {
    writeFileSync(join(dataDir, MARKER), `${WITHHELD} ${now.toISOString()}\n`, { mode: 0o600, flag: 'a' });
  } catch {
    // Best effort: without it the restart is recorded as a crash.
  }
}

/** An orderly stop: the next start records `boot`. */
export function markCleanStop(dataDir: string): void {
  rmSync(join(dataDir, MARKER), { force: true });
}

import { err, ok, type Result } from '../pure/result';
import type { BuildKind } from './build-kind';

/**
 * The kiosk's clock. On a station it is the machine's. A development checkout may start it at
 * another instant with `KIOSK_CLOCK=2026-10-01T10:00:00+08:00` (it then runs on from there), so
 * the out-of-hours screens can be seen and tested on a Sunday or a public holiday at any time
 * of day: core, the embedded platform and the screens (through KioskInfo.clockOffsetMs) all use
 * it. A production build ignores the variable and says so in the log, like KIOSK_DEV.
 */

export interface KioskClock {
  readonly now: () => Date;
  /** How far this clock runs ahead of the machine's (negative: behind); 0 on a station. */
  readonly offsetMs: number;
  /** For the log: what was asked and what was done with it; null when nothing was asked. */
  readonly note: string | null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function kioskClock(
  kind: BuildKind,
  env: NodeJS.ProcessEnv,
  machineNow: () => number = Date.now,
): Result<KioskClock, string> {
  const asked = env['KIOSK_CLOCK'];
  const machine: KioskClock = { now: () => new Date(machineNow()), offsetMs: 0, note: null };
  if (asked === undefined || asked === '') return ok(machine);
  if (kind === 'production') {
    return ok({ ...machine, note: 'KIOSK_CLOCK is ignored: this is a production build and keeps the machine clock' });
  }
  const start = INSTANT.test(asked) ? Date.parse(asked) : Number.NaN;
  if (Number.isNaN(start)) {
    return err(
      `KIOSK_CLOCK=${asked} is not a date and time with its zone; write it as 2026-10-01T10:00:00+08:00, or unset it`,
    );
  }
  const offsetMs = start - machineNow();
  return ok({
    now: () => new Date(machineNow() + offsetMs),
    offsetMs,
    note: `KIOSK_CLOCK: this development kiosk's clock started at ${asked}`,
  });
}

/**
 * Whether systemd expects watchdog keep-alives from this process, and how often, read the way
 * sd_watchdog_enabled(3) reads it: WATCHDOG_USEC is the unit's WatchdogSec in microseconds, and
 * WATCHDOG_PID, when set, names the one process the watchdog is for. A keep-alive every half of
 * the period is what sd_watchdog_enabled(3) recommends.
 */
export type WatchdogInterval =
  | { readonly kind: 'off'; readonly reason: string }
  | { readonly kind: 'on'; readonly timeoutMs: number; readonly pingEveryMs: number };

export function watchdogInterval(env: Readonly<Record<string, string | undefined>>, pid: number): WatchdogInterval {
  const usec = env['WATCHDOG_USEC'];
  if (usec === undefined || usec === '') return { kind: 'off', reason: 'WATCHDOG_USEC is not set (no WatchdogSec)' };
  if (!/^\d+$/.test(usec) || Number(usec) === 0) {
    return { kind: 'off', reason: `WATCHDOG_USEC=${usec} is not a positive whole number of microseconds` };
  }
  const watchdogPid = env['WATCHDOG_PID'];
  if (watchdogPid !== undefined && watchdogPid !== '' && watchdogPid !== String(pid)) {
    // systemd set it for the process it started; if that is a wrapper that did not exec us, the
    // keep-alives must come from that process, not from us.
    return { kind: 'off', reason: `WATCHDOG_PID=${watchdogPid} is not this process (${pid})` };
  }
  const timeoutMs = Number(usec) / 1000;
  return { kind: 'on', timeoutMs, pingEveryMs: Math.max(1, Math.floor(timeoutMs / 2)) };
}

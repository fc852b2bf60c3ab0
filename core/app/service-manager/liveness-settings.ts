import { HOST_ALIVE_EVERY_MS } from '../../api/host';
import { DEFAULT_LIVENESS_POLICY, type LivenessPolicy } from './liveness-gate';

/**
 * The two renderer limits of the liveness gate may be changed per station through the unit's
 * environment (a drop-in with `Environment=`), for a slow machine whose Chromium takes longer to
 * come up: KIOSK_WATCHDOG_RENDERER_GRACE_SECONDS (first report after READY, default 120) and
 * KIOSK_WATCHDOG_RENDERER_SILENCE_SECONDS (longest gap between reports, default 30, at least two
 * report periods). A value that is not a number, or too small, keeps the default and is reported,
 * so a typo can neither switch the check off nor make it restart a healthy kiosk.
 */
export const GRACE_ENV = 'KIOSK_WATCHDOG_RENDERER_GRACE_SECONDS';
export const SILENCE_ENV = 'KIOSK_WATCHDOG_RENDERER_SILENCE_SECONDS';

export function livenessPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): {
  readonly policy: LivenessPolicy;
  readonly problems: readonly string[];
} {
  const problems: string[] = [];
  const seconds = (name: string, fallbackMs: number, minimum: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallbackMs;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value < minimum) {
      problems.push(`${name}=${raw} is not a number of seconds ≥ ${minimum}; using ${fallbackMs / 1000}`);
      return fallbackMs;
    }
    return Math.round(value * 1000);
  };
  return {
    policy: {
      ...DEFAULT_LIVENESS_POLICY,
      startGraceMs: seconds(GRACE_ENV, DEFAULT_LIVENESS_POLICY.startGraceMs, 0),
      reportWithinMs: seconds(SILENCE_ENV, DEFAULT_LIVENESS_POLICY.reportWithinMs, (2 * HOST_ALIVE_EVERY_MS) / 1000),
    },
    problems,
  };
}

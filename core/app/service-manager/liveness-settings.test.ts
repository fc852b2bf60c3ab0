import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVENESS_POLICY } from './liveness-gate';
import { GRACE_ENV, livenessPolicyFromEnv, SILENCE_ENV } from './liveness-settings';

describe('the liveness limits from the unit environment', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(livenessPolicyFromEnv({})).toEqual({ policy: DEFAULT_LIVENESS_POLICY, problems: [] });
  });

  it('takes seconds for the start grace and the longest silence', () => {
    const { policy, problems } = livenessPolicyFromEnv({ [GRACE_ENV]: '300', [SILENCE_ENV]: '12.5' });
    expect(problems).toEqual([]);
    expect(policy).toEqual({ ...DEFAULT_LIVENESS_POLICY, startGraceMs: 300_000, reportWithinMs: 12_500 });
    expect(livenessPolicyFromEnv({ [GRACE_ENV]: '0' }).policy.startGraceMs).toBe(0);
  });

  it('refuses a typo or a silence shorter than two report periods, keeping the default', () => {
    const { policy, problems } = livenessPolicyFromEnv({ [GRACE_ENV]: 'off', [SILENCE_ENV]: '3' });
    expect(policy).toEqual(DEFAULT_LIVENESS_POLICY);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/KIOSK_WATCHDOG_RENDERER_SILENCE_SECONDS=3 is not a number of seconds ≥ 10/);
  });
});

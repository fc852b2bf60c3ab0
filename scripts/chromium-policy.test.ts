import { describe, expect, it } from 'vitest';
import { policyFileFor } from './chromium-policy';

describe('npm run chromium-policy', () => {
  it('prints the policy for the station’s fixed port', () => {
    const file = policyFileFor(['--port', '8470']);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const policy = JSON.parse(file.value) as Record<string, unknown>;
    expect(policy['URLAllowlist']).toEqual(['http://127.0.0.1:8470']);
    expect(policy['DeveloperToolsAvailability']).toBe(2);
  });

  it.each([[[]], [['--port']], [['--port', '0']], [['--port', '70000']], [['--port', 'abc']]])(
    'explains its usage for %j',
    (argv) => {
      const file = policyFileFor(argv);
      expect(file.ok).toBe(false);
      if (!file.ok) expect(file.error).toMatch(/^usage: npm run chromium-policy -- --port/);
    },
  );
});

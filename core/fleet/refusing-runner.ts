import type { CommandRunner } from './command-runner';

/**
 * The runner of a kiosk built without remote command support: every command is answered
 * `refused/notSupported`, so the console sees an answer instead of a command waiting for ever.
 * The kiosk's own runner (core/fleet/commands/) replaces it where it is wired.
 */
export function refusingRunner(now: () => Date): CommandRunner {
  return {
    run: () =>
      Promise.resolve({ result: { outcome: 'refused', finishedAt: now().toISOString(), reason: 'notSupported' } }),
  };
}

import fc from 'fast-check';
import { asyncProperty, check, syncProperty, type FuzzTarget } from '../target';

/**
 * Targets that break on purpose, for the runner's own test (runner.test.ts): a fuzzer that cannot
 * report a counterexample, a hang, a rejection nobody handled or a crash would pass everything.
 */

export const healthyTarget: FuzzTarget = {
  name: 'healthy',
  setup: () =>
    Promise.resolve({
      properties: [
        syncProperty('addition-commutes', fc.tuple(fc.integer(), fc.integer()), ([a, b]) =>
          check(a + b === b + a, 'no'),
        ),
        asyncProperty('async-echo', fc.string(), async (s) => check((await Promise.resolve(s)) === s, 'no')),
      ],
      teardown: () => Promise.resolve(),
    }),
};

export const brokenTarget: FuzzTarget = {
  name: 'broken',
  setup: () =>
    Promise.resolve({
      properties: [
        // Shrinks to exactly 1000.
        syncProperty('below-1000', fc.integer({ min: 0, max: 1_000_000 }), (n) => check(n < 1000, `${n} is too big`)),
        asyncProperty(
          'never-answers-for-7',
          fc.nat({ max: 20 }),
          (n) => (n === 7 ? new Promise<void>(() => undefined) : Promise.resolve()),
          {
            timeoutMs: 200,
          },
        ),
        syncProperty('forgets-a-rejection', fc.nat({ max: 50 }), (n) => {
          if (n === 13) void Promise.reject(new Error('rejection nobody handled'));
        }),
        syncProperty('throws-later', fc.nat({ max: 50 }), (n) => {
          if (n === 17)
            setImmediate(() => {
              throw new Error('thrown in a callback');
            });
        }),
      ],
      teardown: () => Promise.resolve(),
    }),
};

export const spinningTarget: FuzzTarget = {
  name: 'spinning',
  setup: () =>
    Promise.resolve({
      properties: [
        syncProperty('spins-on-3', fc.nat({ max: 10 }), (n) => {
          // eslint-disable-next-line no-empty -- a parser stuck in a loop is exactly what this target is
          while (n === 3) {}
        }),
      ],
      teardown: () => Promise.resolve(),
    }),
};

export const failingSetupTarget: FuzzTarget = {
  name: 'failing-setup',
  setup: () => Promise.reject(new Error('the platform would not start')),
};

export const exitingTarget: FuzzTarget = {
  name: 'exiting',
  setup: () =>
    Promise.resolve({
      properties: [
        syncProperty('exits', fc.nat(), () => {
          process.exit(3);
        }),
      ],
      teardown: () => Promise.resolve(),
    }),
};

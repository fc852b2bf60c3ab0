import { describe, expect, it } from 'vitest';
import type { HeartbeatAck, RemoteCommand } from '../../platform/contract/fleet';
import type { Heartbeat } from '../../platform/contract/terminals';
import { silentLogger } from '../logging/logger';
import type { PlatformError } from '../platform-client/http';
import { err, ok, type Result } from '../pure/result';
import {
  FIRST_HEARTBEAT_MS,
  HEARTBEAT_JITTER,
  jittered,
  startHeartbeatLoop,
  type HeartbeatLoopDeps,
} from './heartbeat-loop';
import { fakeTimers } from './testing/fake-timers';

const START = new Date('2026-11-21T08:00:00.000Z');
const heartbeat = { sentAt: START.toISOString() } as Heartbeat;

const ack = (overrides: Partial<HeartbeatAck> = {}): HeartbeatAck => ({
  receivedAt: START.toISOString(),
  catalogVersion: null,
  ratingOptionsVersion: null,
  servicePointsVersion: null,
  heartbeatIntervalSeconds: 60,
  commands: [],
  ...overrides,
});

type Answer = Result<{ body: HeartbeatAck }, PlatformError>;

function harness(options: {
  random?: () => number;
  intervalSeconds?: number;
  answer?: () => Answer | Promise<Answer>;
}) {
  const clock = fakeTimers(START);
  const sentAt: number[] = [];
  const acks: HeartbeatAck[] = [];
  const deps: HeartbeatLoopDeps = {
    build: () => ok(heartbeat),
    send: async () => {
      sentAt.push(clock.now().getTime() - START.getTime());
      return (await options.answer?.()) ?? ok({ body: ack() });
    },
    onAck: (answer) => {
      acks.push(answer);
      return Promise.resolve();
    },
    intervalSeconds: options.intervalSeconds ?? 60,
    timers: clock.timers,
    now: clock.now,
    random: options.random ?? (() => 0.5),
    logger: silentLogger(),
  };
  const loop = startHeartbeatLoop(deps);
  return { clock, loop, sentAt, acks };
}

describe('the heartbeat loop', () => {
  it('sends the first heartbeat soon after start, then every configured interval (no jitter at random 0.5)', async () => {
    const { clock, loop, sentAt } = harness({
      intervalSeconds: 30,
      answer: () => ok({ body: ack({ heartbeatIntervalSeconds: 30 }) }),
    });
    await clock.advance(FIRST_HEARTBEAT_MS + 3 * 30_000);
    expect(sentAt).toEqual([5_000, 35_000, 65_000, 95_000]);
    await loop.stop();
  });

  it("follows the interval of the platform's answer over the config's", async () => {
    const { clock, loop, sentAt } = harness({ answer: () => ok({ body: ack({ heartbeatIntervalSeconds: 120 }) }) });
    await clock.advance(5_000 + 240_000);
    expect(sentAt).toEqual([5_000, 125_000, 245_000]);
    expect(loop.intervalSeconds()).toBe(120);
    await loop.stop();
  });

  it('jitters every wait within ±20 % and spreads a fleet restarted together', () => {
    expect(HEARTBEAT_JITTER).toBe(0.2);
    expect(jittered(60_000, 0)).toBe(48_000);
    expect(jittered(60_000, 1)).toBe(72_000);
    expect(jittered(60_000, 0.5)).toBe(60_000);
    const firsts = new Set<number>();
    for (let kiosk = 0; kiosk < 50; kiosk += 1) firsts.add(jittered(60_000, ((kiosk * 7919) % 1000) / 1000));
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(48_000);
    expect(Math.max(...firsts)).toBeLessThanOrEqual(72_000);
    expect(firsts.size).toBeGreaterThan(40);
  });

  it('draws a new jitter for every beat, within bounds', async () => {
    const draws = [0, 1, 0.25, 0.75];
    const { clock, loop, sentAt } = harness({ random: () => draws.shift() ?? 0.5 });
    await clock.advance(300_000);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] ?? 0));
    expect(sentAt[0]).toBe(4_000);
    expect(gaps).toEqual([72_000, 54_000, 66_000, 60_000]);
    await loop.stop();
  });

  it('on failure just waits for the next beat; a refused token is a clear state, not a crash', async () => {
    let answer: Answer = err({ kind: 'unreachable', message: 'ECONNREFUSED' });
    const { clock, loop, sentAt } = harness({ answer: () => answer });
    await clock.advance(5_000);
    expect(loop.link()).toMatchObject({ state: 'unreachable' });
    expect(clock.scheduled()).toEqual([60_000]);
    answer = err({ kind: 'http', status: 401, code: 'unauthorized', message: 'token revoked' });
    await clock.advance(60_000);
    expect(loop.link()).toEqual({ state: 'tokenRefused', since: '2026-11-21T08:01:05.000Z', status: 401 });
    answer = ok({ body: ack() });
    await clock.advance(60_000);
    expect(loop.link()).toEqual({ state: 'answered', at: '2026-11-21T08:02:05.000Z' });
    expect(sentAt).toEqual([5_000, 65_000, 125_000]);
    await loop.stop();
  });

  it('never overlaps itself: the next beat is scheduled only after a slow one and its commands finish', async () => {
    let release: () => void = () => undefined;
    const command: RemoteCommand = {
      commandId: 'CMD-1',
      issuedAt: START.toISOString(),
      expiresAt: '2026-11-21T09:00:00.000Z',
      request: { kind: 'selfTest' },
    };
    const { clock, loop, sentAt } = harness({
      answer: () =>
        new Promise<Answer>((resolve) => (release = () => resolve(ok({ body: ack({ commands: [command] }) })))),
    });
    await clock.advance(5_000 + 600_000);
    expect(sentAt).toEqual([5_000]);
    expect(clock.scheduled()).toEqual([]);
    release();
    await clock.settle();
    expect(clock.scheduled()).toEqual([60_000]);
    await loop.stop();
  });

  it('hands only answers with commands to the intake', async () => {
    const command: RemoteCommand = {
      commandId: 'CMD-7',
      issuedAt: START.toISOString(),
      expiresAt: '2026-11-21T09:00:00.000Z',
      request: { kind: 'reloadCatalog' },
    };
    let n = 0;
    const { clock, loop, acks } = harness({
      answer: () => ok({ body: ack({ commands: (n += 1) === 2 ? [command] : [] }) }),
    });
    await clock.advance(5_000 + 120_000);
    expect(acks.map((a) => a.commands.map((c) => c.commandId))).toEqual([['CMD-7']]);
    await loop.stop();
  });

  it('stops on shutdown: nothing is scheduled or sent after stop()', async () => {
    const { clock, loop, sentAt } = harness({});
    await clock.advance(5_000);
    await loop.stop();
    await clock.advance(600_000);
    expect(sentAt).toEqual([5_000]);
    expect(clock.scheduled()).toEqual([]);
  });
});

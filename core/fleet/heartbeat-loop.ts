import { randomUUID } from 'node:crypto';
import {
  DEFAULT_HEARTBEAT_INTERVAL_SECONDS,
  HeartbeatInterval,
  type HeartbeatAck,
} from '../../platform/contract/fleet';
import type { Heartbeat } from '../../platform/contract/terminals';
import type { Logger } from '../logging/logger';
import { callPlatform } from '../platform-client/client';
import { describePlatformError, type HttpOptions, type PlatformError } from '../platform-client/http';
import type { Result } from '../pure/result';
import type { HeartbeatBuildError } from './heartbeat';
import type { Timers } from './timers';

/** ±20 %: a fleet restarted together (a power cut in a township) spreads its heartbeats out. */
export const HEARTBEAT_JITTER = 0.2;
/** The first heartbeat comes this long after start (± jitter): soon, but after start-up settled. */
export const FIRST_HEARTBEAT_MS = 5_000;

/**
 * How the platform last answered a heartbeat. `tokenRefused` (401/403) is a kiosk whose token was
 * revoked or never issued: it keeps serving residents offline and keeps trying, but says so
 * plainly in its log and to the technician (re-enrol with `bianmin-kiosk enrol --replace`).
 */
export type FleetLink =
  | { readonly state: 'notYet' }
  | { readonly state: 'answered'; readonly at: string }
  | { readonly state: 'unreachable'; readonly since: string; readonly reason: string }
  | { readonly state: 'tokenRefused'; readonly since: string; readonly status: number };

export interface HeartbeatLoopDeps {
  readonly build: () => Result<Heartbeat, HeartbeatBuildError>;
  readonly send: (heartbeat: Heartbeat) => Promise<Result<{ body: HeartbeatAck }, PlatformError>>;
  /** The commands of an answer; the loop waits for them before it schedules the next beat. */
  readonly onAck: (ack: HeartbeatAck) => Promise<void>;
  /** From config; the platform's answer replaces it. */
  readonly intervalSeconds: number;
  readonly timers: Timers;
  readonly now: () => Date;
  /** 0..1. */
  readonly random: () => number;
  readonly logger: Logger;
}

export interface HeartbeatLoop {
  link(): FleetLink;
  /** The interval now in force, in seconds (config until the platform says otherwise). */
  intervalSeconds(): number;
  /** Stops scheduling and waits for a beat in progress. */
  stop(): Promise<void>;
}

/** `base` ± HEARTBEAT_JITTER, from one random draw in 0..1. */
export function jittered(baseMs: number, random: number): number {
  return Math.round(baseMs * (1 + HEARTBEAT_JITTER * (2 * random - 1)));
}

/** The heartbeat sent directly: it is live state, so an old one is worth nothing and never queued. */
export function sendHeartbeatTo(platform: HttpOptions, terminalId: string): HeartbeatLoopDeps['send'] {
  return (heartbeat) =>
    callPlatform(platform, 'postHeartbeat', {
      params: { terminalId },
      body: heartbeat,
      idempotencyKey: randomUUID(),
    });
}

/**
 * Sends the heartbeat every interval, jittered, one at a time: the next is scheduled only when
 * the previous one and the commands it brought are done, so beats never overlap. A failed beat is
 * not retried; the next one is the retry.
 */
export function startHeartbeatLoop(deps: HeartbeatLoopDeps): HeartbeatLoop {
  const log = deps.logger.child({ component: 'heartbeat' });
  let interval = HeartbeatInterval.safeParse(deps.intervalSeconds).success
    ? deps.intervalSeconds
    : DEFAULT_HEARTBEAT_INTERVAL_SECONDS;
  let link: FleetLink = { state: 'notYet' };
  let cancel: (() => void) | null = null;
  let beat: Promise<void> | null = null;
  let stopped = false;

  const failed = (error: PlatformError) => {
    const at = deps.now().toISOString();
    if (error.kind === 'http' && (error.status === 401 || error.status === 403)) {
      if (link.state !== 'tokenRefused') {
        log.error(
          { status: error.status },
          "the platform refuses this kiosk's token (revoked, or never enrolled): the kiosk keeps working " +
            'offline and sends nothing until a technician enrols it again (bianmin-kiosk enrol --replace)',
        );
        link = { state: 'tokenRefused', since: at, status: error.status };
      }
      return;
    }
    const reason = describePlatformError(error);
    if (link.state !== 'unreachable') {
      log.warn({ reason }, 'heartbeat not delivered; the next one will try again');
      link = { state: 'unreachable', since: at, reason };
    }
  };

  const once = async () => {
    const built = deps.build();
    if (!built.ok) {
      // A bug in what the kiosk gathers: not worth sending, worth a loud log.
      log.error({ issues: built.error.issues }, 'heartbeat does not match the contract; not sent');
      return;
    }
    const sent = await deps.send(built.value);
    if (!sent.ok) return failed(sent.error);
    if (link.state !== 'answered') log.info({}, 'heartbeat answered by the platform');
    link = { state: 'answered', at: deps.now().toISOString() };
    interval = sent.value.body.heartbeatIntervalSeconds;
    if (sent.value.body.commands.length > 0) await deps.onAck(sent.value.body);
  };

  const schedule = (baseMs: number) => {
    if (stopped) return;
    cancel = deps.timers.after(jittered(baseMs, deps.random()), () => {
      cancel = null;
      beat = once()
        .catch((error: unknown) => log.error({ err: error }, 'heartbeat failed unexpectedly'))
        .finally(() => {
          beat = null;
          schedule(interval * 1000);
        });
    });
  };

  schedule(FIRST_HEARTBEAT_MS);

  return {
    link: () => link,
    intervalSeconds: () => interval,
    async stop() {
      stopped = true;
      cancel?.();
      cancel = null;
      await beat;
    },
  };
}

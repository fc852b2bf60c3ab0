import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { startHeartbeatLoop, sendHeartbeatTo, type HeartbeatLoop } from '../../../core/fleet/heartbeat-loop';
import type { Timers } from '../../../core/fleet/timers';
import { silentLogger } from '../../../core/logging/logger';
import { createDataSealer, type DataSealer } from '../../../core/outbox/data-sealer';
import { startOutboxDelivery, type OutboxDelivery } from '../../../core/outbox/delivery';
import { enqueue, enqueueBinary } from '../../../core/outbox/outbox-store';
import { DEFAULT_RETRY_BACKOFF } from '../../../core/outbox/retry-policy';
import { callPlatform } from '../../../core/platform-client/client';
import type { HttpOptions } from '../../../core/platform-client/http';
import { ok } from '../../../core/pure/result';
import type { TicketRange } from '../../../platform/contract/queue';
import {
  applicationSubmission,
  type benchMatter,
  callbackRequest,
  heartbeatOf,
  materialPage,
  nextArrivalSeconds,
  PER_KIOSK_PER_HOUR,
  ratingOfApplication,
} from './workload';

/**
 * One kiosk of the simulated fleet: its own store (the kiosk's real schema, cloned from one
 * migrated image), the kiosk's real outbox delivery (oldest first, same Idempotency-Key on every
 * attempt, exponential backoff with jitter), its real heartbeat loop, and the real platform
 * client, over HTTP to a real platform process. Time is compressed by `speed`: every interval the
 * kiosk keeps (heartbeat, backoff steps, arrivals) is divided by it, so ten simulated minutes of
 * outage take a minute at speed 10.
 *
 * What the kiosk was told is kept for the lost/duplicate check: each outbox row keeps the
 * platform's answer, and each ticket it handed a resident is listed with how it was issued.
 */
export interface FleetKioskSpec {
  readonly terminalId: string;
  readonly token: string;
  readonly stationId: string;
}

export interface KioskWorld {
  readonly baseUrl: string;
  readonly speed: number;
  readonly matter: ReturnType<typeof benchMatter>;
  readonly ratingOptionsVersion: string;
  readonly catalogVersion: string;
  /** The platform's day (its --clock), for ticket ranges. */
  readonly day: string;
  /** Simulated now: the platform's clock start plus real time since. */
  readonly now: () => Date;
  /** A migrated kiosk store, serialized, to clone. */
  readonly storeImage: Buffer;
  /** Counts every request and its latency as the kiosk saw it. */
  readonly fetch: typeof globalThis.fetch;
}

export interface IssuedTicket {
  readonly ticketNo: string;
  readonly how: 'online' | 'offline';
}

export interface SimulatedKiosk {
  readonly spec: FleetKioskSpec;
  readonly db: Database.Database;
  readonly outbox: OutboxDelivery;
  readonly tickets: IssuedTicket[];
  /** Stops making new visits (the rest keeps running). */
  stopVisits(): void;
  /** Stops visits, heartbeats and the outbox; the store stays open to be checked. */
  halt(): Promise<void>;
  /** Halts and closes the store. Safe to call twice. */
  stop(): Promise<void>;
}

/** Timers whose delays pass `speed` times faster than the kiosk asked for. */
function compressedTimers(speed: number): Timers {
  return {
    after(ms, run) {
      const timer = setTimeout(run, ms / speed);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}

export async function startSimulatedKiosk(
  spec: FleetKioskSpec,
  world: KioskWorld,
  random: () => number,
): Promise<SimulatedKiosk> {
  const db = new Database(world.storeImage);
  const sealer: DataSealer = createDataSealer(randomBytes(32));
  const platform: HttpOptions = { baseUrl: world.baseUrl, token: spec.token, timeoutMs: 5_000, fetch: world.fetch };
  const startedAt = world.now();
  const speed = world.speed;
  const outbox = startOutboxDelivery({
    db,
    platform,
    sealer,
    logger: silentLogger(),
    // Real time: delays are computed from it and waited for as they are; the backoff's steps are
    // what is compressed (2 s … 5 min of simulated time).
    now: () => new Date(),
    backoff: { minMs: DEFAULT_RETRY_BACKOFF.minMs / speed, maxMs: DEFAULT_RETRY_BACKOFF.maxMs / speed },
    random,
    idlePollMs: 30_000 / speed,
  });
  const heartbeat: HeartbeatLoop = startHeartbeatLoop({
    build: () => {
      const summary = outbox.summary();
      return ok(
        heartbeatOf(world.now(), startedAt, world.catalogVersion, {
          pending: summary.pending,
          oldestPendingAt: null,
          oldestPendingAgeSeconds: null,
          deadLetters: summary.deadLetters,
        }),
      );
    },
    send: sendHeartbeatTo(platform, spec.terminalId),
    onAck: () => Promise.resolve(),
    intervalSeconds: 60,
    timers: compressedTimers(speed),
    now: world.now,
    random,
    logger: silentLogger(),
  });

  const tickets: IssuedTicket[] = [];
  let range: TicketRange | undefined;
  let nextOffline = 0;
  const reserved = await callPlatform(platform, 'reserveTicketRange', {
    params: { terminalId: spec.terminalId },
    body: { stationId: spec.stationId, serviceCode: 'general', date: world.day, size: 50 },
    idempotencyKey: randomUUID(),
  });
  if (reserved.ok) {
    range = reserved.value.body;
    nextOffline = range.first;
  }

  const takeTicket = async (): Promise<void> => {
    const online = await callPlatform(platform, 'issueTicket', {
      params: { stationId: spec.stationId },
      body: {
        serviceCode: 'general',
        priority: 'normal',
        appointmentId: null,
        matter: null,
        requestedAt: world.now().toISOString(),
      },
      idempotencyKey: randomUUID(),
    });
    if (online.ok) {
      tickets.push({ ticketNo: online.value.body.ticketNo, how: 'online' });
      return;
    }
    // The platform is away: the kiosk prints a number from its reserved range and reports it later.
    if (!range || nextOffline > range.last) return;
    const number = nextOffline;
    nextOffline += 1;
    const ticketNo = `${range.prefix}${String(number).padStart(3, '0')}`;
    tickets.push({ ticketNo, how: 'offline' });
    enqueue(db, sealer, {
      kind: 'offlineTickets',
      operation: 'reportOfflineTickets',
      params: { terminalId: spec.terminalId },
      body: {
        rangeId: range.rangeId,
        tickets: [{ number, ticketNo, priority: 'normal', appointmentId: null, issuedAt: world.now().toISOString() }],
      },
    });
    void outbox.kick();
  };

  let pages = 0;
  const apply = (): void => {
    pages += 1;
    const page = materialPage(spec.terminalId, pages);
    const at = world.now();
    const application = applicationSubmission(spec.stationId, world.matter, page, at);
    // As the kiosk does: the page, then the application naming it, then (most residents) a rating.
    db.transaction(() => {
      enqueueBinary(db, {
        kind: 'material',
        operation: 'putMaterial',
        params: { sha256: page.sha256 },
        bytes: sealer.seal(page.bytes),
        contentType: 'image/jpeg',
        sealed: true,
      });
      enqueue(db, sealer, { kind: 'application', operation: 'submitApplication', body: application });
      if (random() < PER_KIOSK_PER_HOUR.ratingShare) {
        enqueue(db, sealer, {
          kind: 'rating',
          operation: 'submitRating',
          body: ratingOfApplication(spec.stationId, application.localRef, world.ratingOptionsVersion, at),
        });
      }
    })();
    void outbox.kick();
  };

  const askForHelp = (): void => {
    enqueue(db, sealer, {
      kind: 'assistance',
      operation: 'createAssistanceRequest',
      body: callbackRequest(spec.stationId, world.now()),
    });
    void outbox.kick();
  };

  const timers = new Set<ReturnType<typeof setTimeout>>();
  let visiting = true;
  const every = (perHour: number, act: () => void | Promise<void>): void => {
    const schedule = () => {
      if (!visiting) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          void Promise.resolve(act()).finally(schedule);
        },
        (nextArrivalSeconds(perHour, random) * 1000) / speed,
      );
      timers.add(timer);
    };
    schedule();
  };
  every(PER_KIOSK_PER_HOUR.tickets, takeTicket);
  every(PER_KIOSK_PER_HOUR.applications, apply);
  every(PER_KIOSK_PER_HOUR.helpRequests, askForHelp);

  const stopVisits = () => {
    visiting = false;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  const halt = async () => {
    stopVisits();
    await heartbeat.stop();
    await outbox.stop();
  };
  return {
    spec,
    db,
    outbox,
    tickets,
    stopVisits,
    halt,
    async stop() {
      await halt();
      if (db.open) db.close();
    },
  };
}

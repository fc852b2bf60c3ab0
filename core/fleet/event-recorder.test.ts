import { afterEach, describe, expect, it } from 'vitest';
import { TerminalEvent } from '../../platform/contract/fleet';
import { silentLogger } from '../logging/logger';
import { listOutbox } from '../outbox';
import { fakePlatform, json, type RouteRequest } from '../testing/fake-platform';
import { testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { createEventRecorder } from './event-recorder';

let clock = new Date('2026-11-21T08:00:00.000Z');
const now = () => clock;
let kit: TestServiceDeps;
afterEach(async () => kit.close());

/**
 * The platform's side of postTerminalEvent as the contract states it (platform/contract/endpoints.ts):
 * each eventId stored once, a repeat answered 201 with the first receipt. Requests reach it through
 * the kiosk's real HTTP client and outbox.
 */
function eventPlatform() {
  const stored: TerminalEvent[] = [];
  const platform = fakePlatform({
    replayByIdempotencyKey: true,
    routes: [
      [
        'POST /terminals/:terminalId/events',
        (request: RouteRequest) => {
          const event = TerminalEvent.parse(request.body);
          if (!stored.some((e) => e.eventId === event.eventId)) stored.push(event);
          return json(201, { eventId: event.eventId, receivedAt: clock.toISOString() });
        },
      ],
    ],
  });
  return { platform, stored };
}

function recorderFor(k: TestServiceDeps) {
  return createEventRecorder({
    db: k.db,
    sealer: k.sealer,
    terminalId: 'KIOSK-TEST-01',
    appVersion: '1.4.0',
    now,
    logger: silentLogger(),
    kick: () => void k.outbox.kick(),
  });
}

describe('the event recorder', () => {
  it('numbers events 1, 2, 3 … in the store, valid against the catalogue, and queues each in the outbox', () => {
    kit = testServiceDeps({ now, outbox: 'counting' });
    const recorder = recorderFor(kit);
    const boot = recorder.record({ kind: 'boot' });
    const change = recorder.record({
      kind: 'deviceStatusChanged',
      device: 'printer',
      from: 'online',
      to: 'userError',
      code: 'paperOut',
    });
    expect(boot.ok && boot.value).toMatchObject({
      kind: 'boot',
      sequence: 1,
      appVersion: '1.4.0',
      occurredAt: clock.toISOString(),
    });
    expect(change.ok && change.value.sequence).toBe(2);
    // A second recorder over the same store (the next run) goes on from there.
    const next = recorderFor(kit).record({ kind: 'crashRestart', cause: 'crash' });
    expect(next.ok && next.value.sequence).toBe(3);
    const rows = listOutbox(kit.db, 10).filter((item) => item.kind === 'event');
    expect(rows.map((row) => row.path)).toEqual([
      '/terminals/KIOSK-TEST-01/events',
      '/terminals/KIOSK-TEST-01/events',
      '/terminals/KIOSK-TEST-01/events',
    ]);
    expect(kit.kicks()).toBe(3);
  });

  it('refuses an event the catalogue does not allow, without using up a sequence number', () => {
    kit = testServiceDeps({ now, outbox: 'counting' });
    const recorder = recorderFor(kit);
    const bad = recorder.record({ kind: 'paperRollChanged', rollCapacity: 0 });
    expect(!bad.ok && bad.error.issues.join()).toMatch(/rollCapacity/);
    const good = recorder.record({ kind: 'paperRollChanged', rollCapacity: 400 });
    expect(good.ok && good.value.sequence).toBe(1);
    expect(listOutbox(kit.db, 10)).toHaveLength(1);
  });

  it('delivers events in order, exactly once, after an outage and a lost answer', async () => {
    const { platform, stored } = eventPlatform();
    kit = testServiceDeps({ now, platform });
    const recorder = recorderFor(kit);
    platform.online = false;
    recorder.record({ kind: 'boot' });
    recorder.record({ kind: 'outOfService', on: true, origin: 'remote' });
    recorder.record({ kind: 'catalogUpdated', from: '2026.11.1', to: '2026.11.2' });
    await kit.outbox.kick();
    expect(stored).toEqual([]);
    expect(kit.outbox.summary().pending).toBe(3);

    clock = new Date('2026-11-21T09:00:00.000Z');
    platform.online = true;
    // The platform stores the first event but its answer is lost: the outbox sends it again with its key.
    platform.faults.dropAfterCommitNext = 1;
    recorder.record({ kind: 'outOfService', on: false, origin: 'remote' });
    for (let pass = 0; pass < 3 && kit.outbox.summary().pending > 0; pass += 1) await kit.outbox.kick();

    expect(kit.outbox.summary()).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(stored.map((e) => [e.sequence, e.kind])).toEqual([
      [1, 'boot'],
      [2, 'outOfService'],
      [3, 'catalogUpdated'],
      [4, 'outOfService'],
    ]);
    const bootPosts = platform.calls.filter((c) => (c.body as { sequence?: number } | undefined)?.sequence === 1);
    expect(bootPosts.length).toBe(2);
    expect(new Set(bootPosts.map((c) => c.idempotencyKey)).size).toBe(1);
  });
});

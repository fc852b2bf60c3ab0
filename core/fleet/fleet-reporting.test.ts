import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { getOutboxItem, listOutbox, type OutboxItem } from '../outbox';
import { testServiceDeps, type TestPlatform, type TestServiceDeps } from '../testing/service-deps';
import { startFleetReporting } from './fleet-reporting';
import { refusingRunner } from './refusing-runner';
import type { PreviousRun } from './run-marker';
import { fakeTimers } from './testing/fake-timers';

/** The kiosk's fleet reporting against the real reference platform, as `npm start` runs it embedded. */
const TERMINAL = 'KIOSK-TEST-01';
const TOKEN = 'fleet-test-token-0123456789';
let dir: string;
let platform: EmbeddedPlatform;
let kit: TestServiceDeps<'fake', TestPlatform>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-fleet-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: TERMINAL, token: TOKEN, stationId: 'TEST-STATION' }],
  });
});
afterEach(async () => {
  await kit.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(previousRun: PreviousRun, token = TOKEN) {
  const clock = fakeTimers(new Date('2026-11-21T01:00:00.000Z'));
  kit = testServiceDeps({ now: clock.now, platform: { baseUrl: platform.baseUrl }, token, outbox: 'counting' });
  const fleet = startFleetReporting({
    services: kit.deps,
    config: { enabled: true, heartbeatSeconds: 60, selfInspectionAt: '06:30' },
    rollCapacity: 400,
    previousRun,
    runner: refusingRunner(clock.now),
    releaseStateDir: null,
    uptimeSeconds: () => 12,
    timers: clock.timers,
    random: () => 0.5,
  });
  return { clock, fleet };
}

const events = () =>
  listOutbox(kit.db, 20)
    .filter((item) => item.kind === 'event')
    .map((item) => getOutboxItem(kit.db, item.id) as OutboxItem)
    .map((item) => {
      const stored = item.stored;
      if (stored.kind !== 'bytes') throw new Error('event body not sealed');
      return JSON.parse(Buffer.from(kit.sealer.open(stored.bytes)).toString('utf8')) as Record<string, unknown>;
    });

describe('fleet reporting', () => {
  it('records boot after a clean stop and heartbeats to the embedded platform, which answers', async () => {
    const { clock, fleet } = start('cleanStop');
    expect(events()).toMatchObject([{ kind: 'boot', sequence: 1 }]);
    expect(fleet.link()).toEqual({ state: 'notYet' });
    await clock.advance(5_000);
    // The heartbeat travels over real HTTP (the fake clock only decides when): wait for its answer.
    for (let i = 0; i < 100 && fleet.link().state === 'notYet'; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(fleet.link()).toMatchObject({ state: 'answered' });
    await fleet.stop();
  });

  it('records a crash restart when the previous run left its marker, and a revoked token is a state, not a crash', async () => {
    const { clock, fleet } = start('crash', 'not-this-kiosks-token-0123456789');
    expect(events()).toMatchObject([{ kind: 'crashRestart', cause: 'crash', sequence: 1 }]);
    await clock.advance(5_000);
    for (let i = 0; i < 100 && fleet.link().state === 'notYet'; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(fleet.link()).toMatchObject({ state: 'tokenRefused', status: 401 });
    expect(clock.scheduled()).toContain(60_000);
    fleet.outOfService(true, 'remote');
    expect(events().map((e) => [e['sequence'], e['kind']])).toEqual([
      [1, 'crashRestart'],
      [2, 'outOfService'],
    ]);
    await fleet.stop();
  });
});

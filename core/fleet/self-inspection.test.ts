import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { listOutbox } from '../outbox';
import { lastInspection } from '../technician/inspection-store';
import { testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { createEventRecorder } from './event-recorder';
import { buildHeartbeat, heartbeatDepsFrom } from './heartbeat';
import {
  runSelfInspection,
  selfInspectedOn,
  selfTestFromStatus,
  SELF_INSPECTOR,
  startSelfInspectionSchedule,
} from './self-inspection';
import { fakeTimers } from './testing/fake-timers';

/** 05:00 in China. */
const EARLY = new Date('2026-11-20T21:00:00.000Z');

function schedule(start: Date, options: { session?: () => boolean; done?: Set<string>; fail?: boolean } = {}) {
  const clock = fakeTimers(start);
  const done = options.done ?? new Set<string>();
  const ran: string[] = [];
  const stopper = startSelfInspectionSchedule({
    at: '06:30',
    timers: clock.timers,
    now: clock.now,
    residentSessionActive: options.session ?? (() => false),
    doneOn: (date) => done.has(date),
    inspect: (date) => {
      ran.push(`${date} ${clock.now().toISOString()}`);
      if (options.fail) return Promise.reject(new Error('device manager gone'));
      done.add(date);
      return Promise.resolve();
    },
    logger: silentLogger(),
  });
  return { clock, ran, done, stopper };
}

describe('the daily self-inspection schedule', () => {
  it('inspects at 06:30 China time, then again the next day at 06:30', async () => {
    const { clock, ran, stopper } = schedule(EARLY);
    await clock.advance(2 * 86_400_000);
    expect(ran).toEqual(['2026-11-21 2026-11-20T22:30:00.000Z', '2026-11-22 2026-11-21T22:30:00.000Z']);
    await stopper.stop();
  });

  it('waits while a resident is at the kiosk, trying again every 10 minutes', async () => {
    let busyUntil = Date.parse('2026-11-20T22:45:00.000Z');
    const { clock, ran, stopper } = schedule(EARLY, { session: () => clock.now().getTime() < busyUntil });
    await clock.advance(3 * 3_600_000);
    expect(ran).toEqual(['2026-11-21 2026-11-20T22:50:00.000Z']);
    busyUntil = 0;
    await stopper.stop();
  });

  it('runs once a day across restarts: a kiosk restarted after it inspected waits for tomorrow', async () => {
    const done = new Set(['2026-11-21']);
    // 09:00 China on the 21st.
    const { clock, ran, stopper } = schedule(new Date('2026-11-21T01:00:00.000Z'), { done });
    expect(clock.scheduled()).toEqual([(21 * 60 + 30) * 60_000]);
    await clock.advance(86_400_000);
    expect(ran).toEqual(['2026-11-22 2026-11-21T22:30:00.000Z']);
    await stopper.stop();
  });

  it('a kiosk started after 06:30 that has not inspected today does it two minutes after start', async () => {
    const { clock, ran, stopper } = schedule(new Date('2026-11-21T01:00:00.000Z'));
    await clock.advance(3 * 60_000);
    expect(ran).toEqual(['2026-11-21 2026-11-21T01:02:00.000Z']);
    await stopper.stop();
  });

  it('a failed inspection is not repeated the same day; the next day is tried', async () => {
    const { clock, ran, stopper } = schedule(EARLY, { fail: true });
    await clock.advance(30 * 3_600_000);
    expect(ran).toEqual(['2026-11-21 2026-11-20T22:30:00.000Z', '2026-11-22 2026-11-21T22:30:00.000Z']);
    await stopper.stop();
  });
});

let kit: TestServiceDeps;
afterEach(async () => kit?.close());

describe('the self-inspection itself', () => {
  it('stores an automatic 巡检单 like a technician’s, queues it and its event, and the heartbeat says automatic', async () => {
    let clock = new Date('2026-11-20T22:30:00.000Z');
    const now = () => clock;
    kit = testServiceDeps({ now, outbox: 'counting' });
    kit.devices.setStatus('printer', { state: 'userError', code: 'paperOut', action: 'clear' });
    const recorder = createEventRecorder({
      db: kit.db,
      sealer: kit.sealer,
      terminalId: 'KIOSK-TEST-01',
      appVersion: '1.4.0',
      now,
      logger: silentLogger(),
      kick: () => undefined,
    });
    const report = await runSelfInspection(
      {
        db: kit.db,
        sealer: kit.sealer,
        terminalId: 'KIOSK-TEST-01',
        appVersion: '1.4.0',
        catalogVersion: () => '2026.11.2',
        devices: () => kit.devices.snapshot(),
        selfTest: () => {
          clock = new Date('2026-11-20T22:30:05.000Z');
          return Promise.resolve(selfTestFromStatus(kit.devices.snapshot()));
        },
        recorder,
        now,
        kick: () => void kit.outbox.kick(),
        logger: silentLogger(),
      },
      '2026-11-21',
    );
    expect(report).toMatchObject({
      inspector: SELF_INSPECTOR,
      startedAt: '2026-11-20T22:30:00.000Z',
      finishedAt: '2026-11-20T22:30:05.000Z',
      outcome: 'needsRepair',
      consumables: [],
    });
    expect(report.devices.find((d) => d.device === 'printer')).toEqual({
      device: 'printer',
      status: 'userError',
      test: 'fail',
      detail: 'automatic: userError (paperOut)',
    });
    expect(selfInspectedOn(kit.db, '2026-11-21')).toBe(true);
    expect(lastInspection(kit.db)?.report).toEqual(report);
    expect(listOutbox(kit.db, 10).map((item) => [item.kind, item.path])).toEqual([
      ['inspection', '/terminals/KIOSK-TEST-01/inspections'],
      ['event', '/terminals/KIOSK-TEST-01/events'],
    ]);
    const heartbeat = buildHeartbeat(heartbeatDepsFrom(kit.deps, { uptimeSeconds: () => 60, rollCapacity: 400 }));
    if (!heartbeat.ok) throw new Error(heartbeat.error.issues.join('; '));
    expect(heartbeat.value.lastInspection).toEqual({
      finishedAt: '2026-11-20T22:30:05.000Z',
      automatic: true,
    });
  });
});

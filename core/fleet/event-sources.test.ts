import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalEvent } from '../../platform/contract/fleet';
import type { DeviceKind, DevicesSnapshot, DeviceStatus } from '../api/devices';
import { silentLogger } from '../logging/logger';
import { memoryStore } from '../testing/memory-store';
import { createFakeDevices } from '../testing/fake-devices';
import type { EventFields, EventRecorder } from './event-recorder';
import { catalogVersionWatcher, reportRollbacks, watchDevices } from './event-sources';
import { markCleanStop, markRunning, noteWatchdogWithheld, readPreviousRun } from './run-marker';

function recording() {
  const events: EventFields[] = [];
  const recorder: EventRecorder = {
    record(fields) {
      events.push(fields);
      return { ok: true, value: fields as TerminalEvent };
    },
  };
  return { events, recorder };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fleet-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('device status changes', () => {
  it('records a change of state with its code, and nothing for a snapshot that changed no state', () => {
    const devices = createFakeDevices();
    const { events, recorder } = recording();
    // The manager publishes a whole snapshot on every change of any device.
    const listeners = new Set<(snapshot: DevicesSnapshot) => void>();
    const change = (device: DeviceKind, patch: Partial<DeviceStatus>) => {
      devices.setStatus(device, patch);
      for (const listener of listeners) listener(devices.snapshot());
    };
    const stop = watchDevices(
      devices.snapshot(),
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      recorder,
    );
    change('printer', { warnings: ['paperNearEnd'] });
    change('printer', { state: 'userError', code: 'paperOut', action: 'clear' });
    change('printer', { state: 'userError', code: 'paperOut', action: 'clear', detail: 'again' });
    change('idCardReader', { detail: 'nothing new' });
    change('printer', { state: 'online', code: 'ok', action: 'none' });
    stop();
    change('printer', { state: 'offline', code: 'portMissing', action: 'maintenance' });
    expect(events).toEqual([
      { kind: 'deviceStatusChanged', device: 'printer', from: 'online', to: 'userError', code: 'paperOut' },
      { kind: 'deviceStatusChanged', device: 'printer', from: 'userError', to: 'online', code: 'ok' },
    ]);
  });
});

describe('catalog updates', () => {
  it('records a new version once, not the one served at start', () => {
    const { events, recorder } = recording();
    const served = catalogVersionWatcher('2026.11.1', recorder);
    served('2026.11.1');
    served(null);
    served('2026.11.2');
    served('2026.11.2');
    expect(events).toEqual([{ kind: 'catalogUpdated', from: '2026.11.1', to: '2026.11.2' }]);
  });
});

describe('rollback records', () => {
  it('reports each record the appliance wrote once, across starts, and skips one that does not parse', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'rollback-20261120T210000Z.json'),
      '{"from":"1.5.0","to":"1.4.0","reason":"startFailed","at":"2026-11-20T21:00:00Z"}\n',
    );
    writeFileSync(join(dir, 'rollback-20261120T220000Z.json'), '{"from":"1.5.0"');
    writeFileSync(join(dir, 'good-1.4.0'), '');
    const db = memoryStore();
    const { events, recorder } = recording();
    const now = new Date('2026-11-21T08:00:00.000Z');
    expect(reportRollbacks(db, dir, recorder, now, silentLogger())).toBe(1);
    expect(reportRollbacks(db, dir, recorder, now, silentLogger())).toBe(0);
    writeFileSync(
      join(dir, 'rollback-20261121T090000Z.json'),
      '{"from":"1.4.0","to":"1.3.2","reason":"manual","at":"2026-11-21T09:00:00Z"}\n',
    );
    expect(reportRollbacks(db, dir, recorder, now, silentLogger())).toBe(1);
    expect(events).toEqual([
      { kind: 'rollback', from: '1.5.0', to: '1.4.0', reason: 'startFailed', at: '2026-11-20T21:00:00Z' },
      { kind: 'rollback', from: '1.4.0', to: '1.3.2', reason: 'manual', at: '2026-11-21T09:00:00Z' },
    ]);
    expect(reportRollbacks(db, join(dir, 'missing'), recorder, now, silentLogger())).toBe(0);
  });
});

describe('how the previous run ended', () => {
  it('tells a clean stop from a crash and from a run the watchdog gave up on', () => {
    const dir = tempDir();
    expect(readPreviousRun(dir)).toBe('cleanStop');
    markRunning(dir, new Date());
    expect(readPreviousRun(dir)).toBe('crash');
    noteWatchdogWithheld(dir, new Date());
    expect(readPreviousRun(dir)).toBe('watchdog');
    markCleanStop(dir);
    expect(readPreviousRun(dir)).toBe('cleanStop');
    markRunning(dir, new Date());
    expect(readPreviousRun(dir)).toBe('crash');
  });
});

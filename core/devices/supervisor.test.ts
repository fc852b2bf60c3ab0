import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../api/devices';
import { err, ok, type Result } from '../pure/result';
import type { DeviceCondition, DeviceFault, SupervisedDevice } from '../../drivers/common/device';
import { ONLINE } from '../../drivers/common/device';
import type { DeviceIdentity } from '../api/devices';
import { silentLogger } from '../logging/logger';
import { createDeviceSupervisor } from './supervisor';

/** A device whose next answers the test decides. */
function scriptedDevice() {
  const lost = new Set<(fault: DeviceFault) => void>();
  const state = {
    connects: [] as Array<Result<DeviceIdentity, DeviceFault>>,
    probes: [] as Array<Result<DeviceCondition, DeviceFault>>,
    connectCalls: 0,
    disconnectCalls: 0,
  };
  const device: SupervisedDevice & typeof state & { unplug(fault: DeviceFault): void } = Object.assign(state, {
    kind: 'printer' as const,
    link: 'test link',
    connect() {
      state.connectCalls += 1;
      return Promise.resolve(state.connects.shift() ?? ok({ model: 'P-80', serial: 'S1', firmware: null }));
    },
    probe() {
      return Promise.resolve(state.probes.shift() ?? ok(ONLINE));
    },
    disconnect() {
      state.disconnectCalls += 1;
      return Promise.resolve();
    },
    onLost(listener: (fault: DeviceFault) => void) {
      lost.add(listener);
      return () => lost.delete(listener);
    },
    unplug(fault: DeviceFault) {
      for (const listener of [...lost]) listener(fault);
    },
  });
  return device;
}

const missing: DeviceFault = { state: 'noDevice', code: 'portMissing', detail: 'no /dev/ttyUSB0' };

describe('device supervisor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function start(device: ReturnType<typeof scriptedDevice>) {
    const statuses: DeviceStatus[] = [];
    const supervisor = createDeviceSupervisor({
      device,
      mode: 'real',
      probeIntervalMs: 5_000,
      backoff: { minMs: 250, maxMs: 10_000, random: () => 0.5 },
      logger: silentLogger(),
      onStatus: (status) => statuses.push(status),
    });
    supervisor.start();
    return { supervisor, statuses };
  }

  it('connects, identifies the device and reports it online', async () => {
    const device = scriptedDevice();
    const { supervisor } = start(device);
    await vi.waitFor(() => expect(supervisor.status().state).toBe('online'));
    expect(supervisor.status().identity).toEqual({ model: 'P-80', serial: 'S1', firmware: null });
    await supervisor.stop();
  });

  it('reconnects with growing delays while the device is missing, then recovers', async () => {
    vi.useFakeTimers();
    const device = scriptedDevice();
    device.connects.push(err(missing), err(missing), err(missing));
    const { supervisor } = start(device);
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.status()).toMatchObject({ state: 'noDevice', code: 'portMissing', action: 'maintenance' });
    expect(supervisor.status().lastError?.code).toBe('portMissing');
    // 250 ms, then 500 ms, then 1000 ms (jitter pinned to zero by random() = 0.5).
    await vi.advanceTimersByTimeAsync(249);
    expect(device.connectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(device.connectCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(device.connectCalls).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(device.connectCalls).toBe(4);
    expect(supervisor.status().state).toBe('online');
    // The last error stays visible to the technician after recovery.
    expect(supervisor.status().lastError?.code).toBe('portMissing');
    await supervisor.stop();
  });

  it('treats an unplug as a fault: disconnect, report, reconnect', async () => {
    vi.useFakeTimers();
    const device = scriptedDevice();
    const { supervisor } = start(device);
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.status().state).toBe('online');
    device.connects.push(err(missing));
    device.unplug({ state: 'noDevice', code: 'disconnected', detail: 'port closed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.status()).toMatchObject({ state: 'noDevice', code: 'disconnected' });
    expect(device.disconnectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(supervisor.status().code).toBe('portMissing');
    await vi.advanceTimersByTimeAsync(500);
    expect(supervisor.status().state).toBe('online');
    await supervisor.stop();
  });

  it('probes on a timer and passes user errors through with their action', async () => {
    vi.useFakeTimers();
    const device = scriptedDevice();
    const paperOut: DeviceCondition = {
      state: 'userError',
      code: 'paperOut',
      action: 'clear',
      warnings: [],
      detail: 'paper end',
    };
    device.probes.push(ok(ONLINE), ok(paperOut));
    const { supervisor, statuses } = start(device);
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.status().state).toBe('online');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(supervisor.status()).toMatchObject({ state: 'userError', code: 'paperOut', action: 'clear' });
    // A probe that finds nothing new publishes nothing.
    const published = statuses.length;
    device.probes.push(ok(paperOut));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(statuses.length).toBe(published);
    await supervisor.stop();
  });

  it('shows busy during a job and restores the previous state afterwards', async () => {
    const device = scriptedDevice();
    const { supervisor } = start(device);
    await vi.waitFor(() => expect(supervisor.status().state).toBe('online'));
    let during = '';
    await supervisor.busy('printing', () => {
      during = `${supervisor.status().state}/${supervisor.status().code}`;
      return Promise.resolve();
    });
    expect(during).toBe('busy/printing');
    expect(supervisor.status().state).toBe('online');
    await supervisor.stop();
  });

  it('stops cleanly: no reconnect after stop', async () => {
    vi.useFakeTimers();
    const device = scriptedDevice();
    device.connects.push(err(missing));
    const { supervisor } = start(device);
    await vi.advanceTimersByTimeAsync(0);
    await supervisor.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(device.connectCalls).toBe(1);
  });
});

import type { DeviceCode, DeviceIdentity, DeviceKind, DeviceStatus, RecommendedAction } from '../api/devices';
import type { DeviceCondition, DeviceFault, SupervisedDevice } from '../../drivers/common/device';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../../drivers/common/backoff';
import type { Logger } from '../logging/logger';

export interface SupervisorOptions {
  readonly device: SupervisedDevice;
  readonly mode: 'real' | 'emulated';
  readonly probeIntervalMs: number;
  readonly backoff?: BackoffOptions;
  readonly now?: () => Date;
  readonly logger: Logger;
  readonly onStatus: (status: DeviceStatus) => void;
  /** After every successful connect (the reader starts polling, for instance). */
  readonly onConnected?: () => void;
}

export interface DeviceSupervisor {
  readonly kind: DeviceKind;
  status(): DeviceStatus;
  start(): void;
  /** Closes and reopens now, forgetting the backoff (technician "restart device"). */
  restart(): Promise<void>;
  /** A condition learnt outside a probe, e.g. the printer reporting paper out after a job. */
  report(condition: DeviceCondition): void;
  /** While a job runs the device is `busy`; the previous condition comes back afterwards. */
  busy<T>(code: DeviceCode, task: () => Promise<T>): Promise<T>;
  /** Something failed in a call (a print or read timed out): reconnect as after a failed probe. */
  fault(fault: DeviceFault): void;
  stop(): Promise<void>;
}

/**
 * Owns one device's life: connect, probe on a timer, and after any fault disconnect and reconnect
 * with exponential backoff (docs/reliability.md §5.4: absent → opening → ready → degraded → closed;
 * "disconnected" is a state, not an exception; silence is not proof of health, so a periodic probe
 * catches the serialport unplug that emits no close event, serialport#2043). Every transition is
 * logged once with the state it left and entered.
 */
export function createDeviceSupervisor(options: SupervisorOptions): DeviceSupervisor {
  const { device, logger } = options;
  const now = options.now ?? (() => new Date());
  const log = logger.child({ component: `device:${device.kind}` });
  let current: DeviceStatus = {
    device: device.kind,
    mode: options.mode,
    link: device.link,
    state: 'offline',
    code: 'starting',
    action: 'suspend',
    warnings: [],
    detail: 'starting',
    identity: null,
    since: now().toISOString(),
    lastError: null,
  };
  let identity: DeviceIdentity | null = null;
  let timer: NodeJS.Timeout | null = null;
  let attempt = 0;
  let stopped = true;
  let connected = false;
  let busyDepth = 0;
  let beforeBusy: DeviceStatus = current;
  let generation = 0;
  let unsubscribeLost: (() => void) | null = null;

  const publish = (next: Omit<DeviceStatus, 'device' | 'mode' | 'link' | 'since' | 'lastError' | 'identity'>) => {
    const changed =
      next.state !== current.state ||
      next.code !== current.code ||
      next.action !== current.action ||
      next.detail !== current.detail ||
      next.warnings.join() !== current.warnings.join() ||
      identity !== current.identity;
    if (!changed) return;
    const at = now().toISOString();
    const isError = next.state !== 'online' && next.state !== 'busy' && next.code !== 'starting';
    if (next.state !== current.state || next.code !== current.code) {
      log[isError ? 'warn' : 'info'](
        { from: `${current.state}/${current.code}`, to: `${next.state}/${next.code}`, detail: next.detail },
        'device state changed',
      );
    }
    current = {
      ...current,
      ...next,
      identity,
      since: next.state !== current.state || next.code !== current.code ? at : current.since,
      lastError: isError ? { code: next.code, detail: next.detail, at } : current.lastError,
    };
    options.onStatus(current);
  };

  const applyCondition = (condition: DeviceCondition) => {
    if (busyDepth > 0 && condition.state === 'online') return;
    publish({
      state: condition.state,
      code: condition.code,
      action: condition.action,
      warnings: [...condition.warnings],
      detail: condition.detail,
    });
  };

  const schedule = (ms: number, task: () => Promise<void>) => {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    const mine = generation;
    timer = setTimeout(() => {
      timer = null;
      if (mine === generation && !stopped) void task();
    }, ms);
    timer.unref?.();
  };

  const handleFault = async (fault: DeviceFault) => {
    const mine = ++generation;
    connected = false;
    unsubscribeLost?.();
    unsubscribeLost = null;
    await device.disconnect();
    if (mine !== generation) return;
    publish({
      state: fault.state,
      code: fault.code,
      action: actionForFault(fault.code),
      warnings: [],
      detail: fault.detail,
    });
    const delay = backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF);
    attempt += 1;
    schedule(delay, connect);
  };

  const probe = async () => {
    if (!connected || stopped) return;
    const mine = generation;
    const result = await device.probe();
    if (mine !== generation || stopped) return;
    if (result.ok) {
      applyCondition(result.value);
      schedule(options.probeIntervalMs, probe);
    } else {
      await handleFault(result.error);
    }
  };

  const connect = async () => {
    if (stopped) return;
    const mine = generation;
    const result = await device.connect();
    if (mine !== generation || stopped) {
      if (result.ok) await device.disconnect();
      return;
    }
    if (!result.ok) {
      await handleFault(result.error);
      return;
    }
    identity = result.value;
    connected = true;
    attempt = 0;
    unsubscribeLost = device.onLost((fault) => {
      if (mine === generation) void handleFault(fault);
    });
    log.info({ link: device.link, model: identity.model }, 'device connected');
    options.onConnected?.();
    await probe();
  };

  return {
    kind: device.kind,
    status: () => current,
    start() {
      if (!stopped) return;
      stopped = false;
      void connect();
    },
    async restart() {
      generation += 1;
      if (timer) clearTimeout(timer);
      connected = false;
      unsubscribeLost?.();
      unsubscribeLost = null;
      await device.disconnect();
      attempt = 0;
      publish({ state: 'offline', code: 'starting', action: 'suspend', warnings: [], detail: 'restarting' });
      stopped = false;
      await connect();
    },
    report: applyCondition,
    async busy(code, task) {
      busyDepth += 1;
      if (busyDepth === 1) beforeBusy = current;
      if (busyDepth === 1) publish({ state: 'busy', code, action: 'none', warnings: current.warnings, detail: code });
      try {
        return await task();
      } finally {
        busyDepth -= 1;
        // Back to what it was unless the task itself reported something new.
        if (busyDepth === 0 && current.state === 'busy') {
          publish({
            state: beforeBusy.state,
            code: beforeBusy.code,
            action: beforeBusy.action,
            warnings: beforeBusy.warnings,
            detail: beforeBusy.detail,
          });
        }
      }
    },
    fault(fault) {
      if (connected) void handleFault(fault);
    },
    async stop() {
      stopped = true;
      generation += 1;
      if (timer) clearTimeout(timer);
      timer = null;
      unsubscribeLost?.();
      unsubscribeLost = null;
      connected = false;
      await device.disconnect();
    },
  };
}

/** XFS4IoT error action for a device that cannot be reached (docs/design-anchors.md §2). */
export function actionForFault(code: DeviceCode): RecommendedAction {
  switch (code) {
    case 'permissionDenied':
    case 'portBusy':
    case 'notConfigured':
      return 'configuration';
    case 'starting':
      return 'suspend';
    default:
      return 'maintenance';
  }
}

import { err, ok, type Result } from '../../core/pure/result';
import type { HidDeviceInfo, HidEnumerator, HidOpenErrorCode, HidTransport, OpenHidDevice } from './hid-transport';

/** What the emulated device lists as, except its path (which the device owns and changes on replug). */
export type EmulatedHidInfo = Omit<HidDeviceInfo, 'path'>;

export interface EmulatedHidDevice extends HidEnumerator {
  /** Opens like `HIDAsync.open(path)`; hand it to a driver with this device as its enumerator. */
  readonly openDevice: OpenHidDevice;
  readonly plugged: boolean;
  /** The current emulated hidraw path (changes on every replug, like the real one). */
  readonly path: string;
  /** "open <path>", "pause", "close", "data listener" … in order: lets tests check teardown order. */
  readonly events: readonly string[];
  /** Hands one input report to every open handle; false when unplugged. */
  send(report: Uint8Array): boolean;
  /** Gone from the list; every open handle fails its read as hidapi does ("could not read …"). */
  unplug(): void;
  /** Listed again at a new path. */
  replug(): void;
  /** The next `count` opens fail with `code` (default permissionDenied: the udev race). */
  refuseOpens(count: number, code?: HidOpenErrorCode): void;
}

interface EmulatedHandle {
  readonly transport: HidTransport;
  deliver(report: Uint8Array): void;
  fail(error: Error): void;
}

/**
 * One USB HID device in memory behind the same HidEnumerator + OpenHidDevice seam as node-hid, so
 * a driver runs unchanged against it (there is no /dev/uhid here to make a virtual hidraw device).
 * Reports are delivered on a later macrotask, as hidapi's read thread does; a paused handle drops
 * them; an unplug fails every open handle's read, the only unplug signal hidapi gives (node-hid#520).
 * The keypad and scanner emulators put their report formats on top of this.
 */
export function createEmulatedHidDevice(info: () => EmulatedHidInfo): EmulatedHidDevice {
  const events: string[] = [];
  const handles = new Set<EmulatedHandle>();
  let plugged = true;
  let hidrawNumber = 0;
  let refusals: { count: number; code: HidOpenErrorCode } = { count: 0, code: 'permissionDenied' };
  const path = () => `emulated:/dev/hidraw${hidrawNumber}`;

  const openDevice: OpenHidDevice = (requested) => {
    events.push(`open ${requested}`);
    if (!plugged || requested !== path()) {
      return Promise.resolve(
        err({ code: 'notFound', message: `cannot open device with path ${requested}: No such file or directory` }),
      );
    }
    if (refusals.count > 0) {
      refusals = { ...refusals, count: refusals.count - 1 };
      return Promise.resolve(
        err({
          code: refusals.code,
          message: `cannot open device with path ${requested}: ${refusalText(refusals.code)}`,
        }),
      );
    }
    const handle = createHandle(events, (closed) => handles.delete(closed));
    handles.add(handle);
    return Promise.resolve(ok(handle.transport));
  };

  return {
    get plugged() {
      return plugged;
    },
    get path() {
      return path();
    },
    events,
    devicesAsync: () => Promise.resolve(plugged ? [{ ...info(), path: path() }] : []),
    openDevice,
    send(report) {
      if (!plugged) return false;
      for (const handle of handles) handle.deliver(report);
      return true;
    },
    unplug() {
      if (!plugged) return;
      plugged = false;
      events.push('unplug');
      for (const handle of [...handles]) handle.fail(new Error('could not read from HID device'));
      handles.clear();
    },
    replug() {
      if (plugged) return;
      plugged = true;
      hidrawNumber += 1;
      events.push(`replug ${path()}`);
    },
    refuseOpens(count, code = 'permissionDenied') {
      refusals = { count, code };
    },
  };
}

/** A Result-shaped send for emulators whose callers want a reason. */
export function sendOrUnplugged<E>(device: EmulatedHidDevice, report: Uint8Array, unplugged: E): Result<void, E> {
  return device.send(report) ? ok(undefined) : err(unplugged);
}

function refusalText(code: HidOpenErrorCode): string {
  switch (code) {
    case 'permissionDenied':
      return 'Permission denied';
    case 'busy':
      return 'Device or resource busy';
    case 'notFound':
      return 'No such file or directory';
    case 'ioError':
      return 'Input/output error';
  }
}

function createHandle(events: string[], onClosed: (handle: EmulatedHandle) => void): EmulatedHandle {
  const dataListeners: Array<(report: Uint8Array) => void> = [];
  const errorListeners: Array<(error: unknown) => void> = [];
  let paused = false;
  let closed = false;
  let failed = false;

  const handle: EmulatedHandle = {
    deliver(report) {
      if (closed || failed) return;
      const copy = Uint8Array.from(report);
      // hidapi's read thread hands reports over asynchronously; a paused reader drops them.
      setImmediate(() => {
        if (closed || paused) return;
        for (const listener of [...dataListeners]) listener(copy);
      });
    },
    fail(error) {
      if (closed || failed) return;
      failed = true;
      setImmediate(() => {
        // node-hid swallows read errors once close() has started.
        if (closed) return;
        for (const listener of [...errorListeners]) listener(error);
      });
    },
    transport: {
      on(event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: unknown) => void)) {
        if (event === 'data') {
          dataListeners.push(listener);
          events.push('data listener');
        } else {
          errorListeners.push(listener as (error: unknown) => void);
        }
        return handle.transport;
      },
      pause() {
        paused = true;
        events.push('pause');
      },
      close() {
        if (!closed) {
          closed = true;
          events.push(paused ? 'close' : 'close (while reading)');
          onClosed(handle);
        }
        return Promise.resolve();
      },
    },
  };
  return handle;
}

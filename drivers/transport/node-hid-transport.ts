import { HIDAsync, devicesAsync } from 'node-hid';
import { err, ok } from '../../core/pure/result';
import type { HidEnumerator, HidOpenError, OpenHidDevice } from './hid-transport';

/** The real enumerator: hidapi's device list (hidraw backend on Linux, node-hid#180). */
export const nodeHidEnumerator: HidEnumerator = {
  devicesAsync: () => devicesAsync(),
};

/**
 * The real opener. `HIDAsync` is structurally a `HidTransport` (EventEmitter `on`, `pause`,
 * async `close`), so no adapter is needed; only errors are translated.
 */
export const openNodeHidDevice: OpenHidDevice = async (path) => {
  try {
    return ok(await HIDAsync.open(path));
  } catch (error) {
    return err(hidOpenErrorFrom(error));
  }
};

/**
 * node-hid reports "cannot open device with path …" followed by hidapi's own message, which on the
 * hidraw backend carries strerror(errno): that text is all we have to tell a missing udev rule
 * from a vanished device.
 */
export function hidOpenErrorFrom(error: unknown): HidOpenError {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission denied|EACCES|EPERM/i.test(message)) return { code: 'permissionDenied', message };
  if (/no such file|ENOENT|ENODEV|no such device/i.test(message)) return { code: 'notFound', message };
  if (/busy|EBUSY/i.test(message)) return { code: 'busy', message };
  return { code: 'ioError', message };
}

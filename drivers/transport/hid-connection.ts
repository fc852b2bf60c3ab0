import type { DeviceIdentity } from '../../core/api/devices';
import { err, ok, type Result } from '../../core/pure/result';
import type { DeviceFault } from '../common/device';
import type { HidDeviceInfo, HidEnumerator, HidOpenError, HidTransport, OpenHidDevice } from './hid-transport';

/**
 * Finding, opening and closing one USB HID device by VID/PID (+serial), shared by the HID drivers
 * (好差评 keypad, QR scanner). Identity is VID/PID, never the hidraw path, which changes on every
 * replug (docs/reliability.md §5).
 */

export interface HidTarget {
  readonly vendorId: number;
  readonly productId: number;
  /** Narrows the match when two identical devices are attached. */
  readonly serialNumber?: string | undefined;
}

export interface HidOpenOptions {
  readonly enumerator: HidEnumerator;
  readonly openDevice: OpenHidDevice;
  readonly target: HidTarget;
  /** "keypad", "scanner": named in the faults a technician reads. */
  readonly noun: string;
  /** The udev rule file the hint names, e.g. 70-kiosk-keypad.rules. */
  readonly udevRuleFile: string;
  /** Picks the interface to read among a composite device's entries; the first entry otherwise. */
  readonly prefer: (info: HidDeviceInfo) => boolean;
  /**
   * Waits before retrying an open refused with EACCES. About 1 open in 10 straight after
   * enumeration fails before udev has applied the rule's permissions (signal11/hidapi#217).
   */
  readonly permissionRetryDelaysMs: readonly number[];
  readonly onRetry?: (delayMs: number) => void;
}

export interface OpenedHid {
  readonly handle: HidTransport;
  readonly info: HidDeviceInfo;
  readonly identity: DeviceIdentity;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export const vidPidOf = (target: HidTarget) => `${hex4(target.vendorId)}:${hex4(target.productId)}`;

/** A udev rule a technician can paste; hidraw, not only usb (signal11/hidapi#422), and never 0666 for all. */
export function hidUdevRuleHint(target: HidTarget, file: string, noun: string): string {
  return (
    `add a udev rule, e.g. /etc/udev/rules.d/${file}: ` +
    `KERNEL=="hidraw*", ATTRS{idVendor}=="${hex4(target.vendorId)}", ATTRS{idProduct}=="${hex4(target.productId)}", ` +
    `MODE="0660", GROUP="plugdev" — then add the kiosk user to plugdev, run ` +
    `"udevadm control --reload && udevadm trigger" and replug the ${noun}`
  );
}

/** The entries of the target device (one per interface), or a fault when hidapi cannot list. */
export async function listHidTarget(
  enumerator: HidEnumerator,
  target: HidTarget,
): Promise<Result<HidDeviceInfo[], DeviceFault>> {
  try {
    const all = await enumerator.devicesAsync();
    return ok(
      all.filter(
        (info) =>
          info.vendorId === target.vendorId &&
          info.productId === target.productId &&
          (target.serialNumber === undefined || info.serialNumber === target.serialNumber),
      ),
    );
  } catch (error) {
    return err({ state: 'offline', code: 'noResponse', detail: `listing HID devices failed: ${String(error)}` });
  }
}

/** Lists, picks the interface, opens it (retrying the udev permission race) and names it. */
export async function openHidTarget(options: HidOpenOptions): Promise<Result<OpenedHid, DeviceFault>> {
  const { target } = options;
  const vidPid = vidPidOf(target);
  const found = await listHidTarget(options.enumerator, target);
  if (!found.ok) return found;
  const info = found.value.find(options.prefer) ?? found.value[0];
  if (!info) {
    return err({
      state: 'noDevice',
      code: 'portMissing',
      detail: `no USB HID device ${vidPid}${target.serialNumber ? ` with serial ${target.serialNumber}` : ''} is connected`,
    });
  }
  if (!info.path)
    return err({ state: 'offline', code: 'noResponse', detail: `HID device ${vidPid} has no path to open` });

  let opened = await options.openDevice(info.path);
  for (const delay of options.permissionRetryDelaysMs) {
    if (opened.ok || opened.error.code !== 'permissionDenied') break;
    options.onRetry?.(delay);
    await new Promise((resolve) => setTimeout(resolve, delay));
    opened = await options.openDevice(info.path);
  }
  if (!opened.ok) return err(openFault(opened.error, options));
  return ok({ handle: opened.value, info, identity: identityOf(info, vidPid) });
}

/**
 * Stops the read thread first, then closes: closing under a running read is the crash of node-hid
 * PR #559, and an open handle keeps process.exit from finishing (#194). Never throws.
 */
export async function closeHidHandle(handle: HidTransport): Promise<void> {
  try {
    handle.pause();
  } catch {
    // already stopped or the device vanished: close still has to run
  }
  await handle.close().catch(() => undefined);
}

/** hidapi gives no unplug event: a failed read is the signal (node-hid#520). */
export function hidReadFault(noun: string, error: unknown): DeviceFault {
  return {
    state: 'noDevice',
    code: 'disconnected',
    detail: `the ${noun} stopped answering (unplugged?): ${error instanceof Error ? error.message : String(error)}`,
  };
}

/**
 * HID has no status command to ask (unlike SAM status or DLE EOT): a device is healthy if it is
 * still enumerated and its handle has not reported a read error.
 */
export async function probeHidTarget(enumerator: HidEnumerator, target: HidTarget): Promise<Result<true, DeviceFault>> {
  const found = await listHidTarget(enumerator, target);
  if (!found.ok) return found;
  if (found.value.length === 0) {
    return err({
      state: 'noDevice',
      code: 'disconnected',
      detail: `USB HID device ${vidPidOf(target)} is no longer listed`,
    });
  }
  return ok(true);
}

function identityOf(info: HidDeviceInfo, vidPid: string): DeviceIdentity {
  const model = [info.manufacturer, info.product].filter((part) => part && part.trim()).join(' ') || `HID ${vidPid}`;
  return { model: model.slice(0, 120), serial: info.serialNumber?.slice(0, 120) || null, firmware: null };
}

function openFault(error: HidOpenError, options: HidOpenOptions): DeviceFault {
  const { noun } = options;
  switch (error.code) {
    case 'permissionDenied':
      return {
        state: 'offline',
        code: 'permissionDenied',
        detail: `no permission to open the ${noun} (${error.message}); ${hidUdevRuleHint(options.target, options.udevRuleFile, noun)}`,
      };
    case 'notFound':
      return { state: 'noDevice', code: 'portMissing', detail: `the ${noun} vanished while opening: ${error.message}` };
    case 'busy':
      return { state: 'offline', code: 'portBusy', detail: `the ${noun} is held by another program: ${error.message}` };
    case 'ioError':
      return { state: 'offline', code: 'noResponse', detail: `opening the ${noun} failed: ${error.message}` };
  }
}

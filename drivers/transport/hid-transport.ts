import type { Result } from '../../core/pure/result';

/**
 * The narrow node-hid surface the HID drivers (好差评 keypad, QR scanner) are written against (a
 * structural `Pick` of `HIDAsync`; docs/design-anchors.md §7.6). Only the async API: a blocking `read`
 * racing `close` can segfault (node-hid PR #559) and hangs `process.exit` (#194), docs/reliability.md §5.
 *
 * `node-hid-transport.ts` is the only file that imports node-hid; the emulators implement the same
 * seam in memory, so the driver code runs unchanged against both.
 */
export interface HidTransport {
  /** One input report per event, as hidapi delivers it (numbered reports start with their ID). */
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  /** "could not read from HID device": the only unplug signal hidapi gives (node-hid#520). */
  on(event: 'error', listener: (error: unknown) => void): unknown;
  /** Stops the read thread; called before `close` so teardown never races a read. */
  pause(): void;
  close(): Promise<void>;
}

/** One entry of `devicesAsync()`; a composite device lists one entry per interface. */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  /** /dev/hidrawN on Linux: changes on every replug, so never an identity. */
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly product?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
  readonly interface?: number | undefined;
}

export interface HidEnumerator {
  devicesAsync(): Promise<readonly HidDeviceInfo[]>;
}

export type HidOpenErrorCode = 'notFound' | 'permissionDenied' | 'busy' | 'ioError';

export interface HidOpenError {
  readonly code: HidOpenErrorCode;
  readonly message: string;
}

/** Opens one enumerated interface by its path (`HIDAsync.open(path)`). */
export type OpenHidDevice = (path: string) => Promise<Result<HidTransport, HidOpenError>>;

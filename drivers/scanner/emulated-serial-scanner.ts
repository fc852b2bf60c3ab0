import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/pure/result';
import type { ByteTransport } from '../transport/byte-transport';
import { createMemoryTransportPair } from '../transport/memory-transport';
import { openPtyPair, ptyTarget, type PtyPair, type PtyPairError } from '../transport/pty-pair';
import { createSerialTransport } from '../transport/serial-transport';
import type { ScanEncoding } from './scan';
import {
  createSerialScannerEmulator,
  type ScannerEmulatorError,
  type ScanPacing,
  type SerialScannerEmulator,
} from './serial-emulator';
import type { SerialSuffix } from './serial-framing';

export interface EmulatedSerialScannerOptions {
  readonly suffix: SerialSuffix;
  readonly prefix: string;
  readonly encoding: ScanEncoding;
  readonly baudRate: number;
  /** `memory` skips socat (config `link: memory`). */
  readonly preferred?: 'pty' | 'memory';
  readonly onFallback?: (error: PtyPairError) => void;
}

/**
 * A serial scanner that can be unplugged and plugged back: the driver opens `host` (a fixed path
 * in a folder of our own, like /dev/serial/by-id/… on a station), the emulator the other end of a
 * socat PTY pair. Unplug kills socat, so the driver's port really vanishes; replug makes a new pair
 * at the same path, as a USB scanner plugged back in. In memory when socat is missing.
 */
export interface EmulatedSerialScanner {
  readonly host: ByteTransport;
  /** The path the driver opens (null in memory): its probe checks it is still there. */
  readonly hostPath: string | null;
  readonly description: string;
  readonly plugged: boolean;
  scan(text: string, pacing?: ScanPacing): Promise<Result<void, ScannerEmulatorError>>;
  garbage(): Promise<Result<void, ScannerEmulatorError>>;
  unplug(): Promise<void>;
  replug(): Promise<Result<void, { message: string }>>;
  close(): Promise<void>;
}

export async function startEmulatedSerialScanner(
  options: EmulatedSerialScannerOptions,
): Promise<Result<EmulatedSerialScanner, { message: string }>> {
  const framing = { suffix: options.suffix, prefix: options.prefix, encoding: options.encoding };
  if ((options.preferred ?? 'pty') === 'pty') {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-scanner-'));
    const first = await openPtyPair({ dir });
    if (first.ok) return ok(await overPty(dir, first.value, options));
    rmSync(dir, { recursive: true, force: true });
    options.onFallback?.(first.error);
  }
  const pair = createMemoryTransportPair();
  let emulator = createSerialScannerEmulator({ transport: pair.device, ...framing });
  const started = await emulator.start();
  if (!started.ok) return err(started.error);
  let plugged = true;
  return ok({
    host: pair.host,
    hostPath: null,
    description: 'emulator (in memory)',
    get plugged() {
      return plugged;
    },
    scan: (text, pacing) => (plugged ? emulator.scan(text, pacing) : unpluggedError()),
    garbage: () => (plugged ? emulator.garbage() : unpluggedError()),
    unplug() {
      plugged = false;
      pair.unplug();
      return Promise.resolve();
    },
    async replug() {
      emulator = createSerialScannerEmulator({ transport: pair.device, ...framing });
      const again = await emulator.start();
      plugged = again.ok;
      return again;
    },
    async close() {
      plugged = false;
      await emulator.stop();
      await pair.host.close();
    },
  });
}

async function overPty(
  dir: string,
  first: PtyPair,
  options: EmulatedSerialScannerOptions,
): Promise<EmulatedSerialScanner> {
  const framing = { suffix: options.suffix, prefix: options.prefix, encoding: options.encoding };
  const hostPath = join(dir, 'host');
  const host = createSerialTransport({ path: hostPath, baudRate: options.baudRate });
  let pair: PtyPair | null = first;
  let emulator: SerialScannerEmulator | null = null;
  const description = `emulator on ${ptyTarget(hostPath)}`;

  const plugIn = async (into: PtyPair): Promise<Result<void, { message: string }>> => {
    const next = createSerialScannerEmulator({
      transport: createSerialTransport({ path: into.devicePath, baudRate: options.baudRate }),
      ...framing,
    });
    const started = await next.start();
    if (!started.ok) return started;
    emulator = next;
    return ok(undefined);
  };
  await plugIn(first);

  const unplug = async () => {
    const [current, gone] = [emulator, pair];
    emulator = null;
    pair = null;
    await current?.stop();
    await gone?.close();
  };

  return {
    host,
    hostPath,
    description,
    get plugged() {
      return emulator !== null;
    },
    scan: (text, pacing) => emulator?.scan(text, pacing) ?? unpluggedError(),
    garbage: () => emulator?.garbage() ?? unpluggedError(),
    unplug,
    async replug() {
      if (pair) return ok(undefined);
      const again = await openPtyPair({ dir });
      if (!again.ok) return err({ message: again.error.message });
      pair = again.value;
      return plugIn(again.value);
    },
    async close() {
      await host.close();
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const unpluggedError = (): Promise<Result<void, ScannerEmulatorError>> =>
  Promise.resolve(err({ kind: 'unplugged', message: 'the emulated scanner is unplugged' }));

import type { ByteTransport } from './byte-transport';
import { createMemoryTransportPair } from './memory-transport';
import { openPtyPair, ptyTarget, type PtyPairError } from './pty-pair';
import { createSerialTransport } from './serial-transport';

/** The two ends of an emulated serial cable: the driver opens `host`, the emulator `device`. */
export interface EmulatedLink {
  readonly host: ByteTransport;
  readonly device: ByteTransport;
  /** For status and output: "emulator on /dev/pts/5". */
  readonly description: string;
  close(): Promise<void>;
}

export interface EmulatedLinkOptions {
  readonly baudRate: number;
  /** `memory` skips socat (config `link: memory`). */
  readonly preferred?: 'pty' | 'memory';
  /** Told why a PTY pair was wanted but could not be had; the link is then in memory. */
  readonly onFallback?: (error: PtyPairError) => void;
}

/**
 * A socat PTY pair with the real serialport binding on both ends, so an emulated device
 * exercises termios, chunking and timeouts like a USB-serial adapter; an in-memory pair when socat
 * is missing (or asked for), because the kiosk and the CLI must still work. Used by the kiosk's
 * device manager and by `npm run devices -- … --emulated`.
 */
export async function openEmulatedLink(options: EmulatedLinkOptions): Promise<EmulatedLink> {
  if ((options.preferred ?? 'pty') === 'pty') {
    const pair = await openPtyPair();
    if (pair.ok) {
      const host = createSerialTransport({ path: pair.value.hostPath, baudRate: options.baudRate });
      const device = createSerialTransport({ path: pair.value.devicePath, baudRate: options.baudRate });
      return {
        host,
        device,
        description: `emulator on ${ptyTarget(pair.value.hostPath)}`,
        async close() {
          await host.close();
          await device.close();
          await pair.value.close();
        },
      };
    }
    options.onFallback?.(pair.error);
  }
  const memory = createMemoryTransportPair();
  return {
    host: memory.host,
    device: memory.device,
    description: 'emulator (in memory)',
    close: () => Promise.all([memory.host.close(), memory.device.close()]).then(() => undefined),
  };
}

import type { ByteTransport } from '../../drivers/transport/byte-transport';
import { createMemoryTransportPair } from '../../drivers/transport/memory-transport';
import { openPtyPair, ptyTarget } from '../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../drivers/transport/serial-transport';

/** The two ends of an emulated serial cable: the driver opens `host`, the emulator `device`. */
export interface EmulatedLink {
  readonly host: ByteTransport;
  readonly device: ByteTransport;
  /** For the output: "emulator on /dev/pts/5". */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * A socat PTY pair with the real serialport binding on both ends, so `--emulated` exercises
 * termios, chunking and timeouts like a USB-serial adapter. Without socat it falls back to an
 * in-memory pair (as the kiosk's `link: memory` does) and says so.
 */
export async function openEmulatedLink(baudRate: number, warn: (text: string) => void): Promise<EmulatedLink> {
  const pair = await openPtyPair();
  if (!pair.ok) {
    warn(`note: ${pair.error.message}; using an in-memory link instead of a PTY pair\n`);
    const memory = createMemoryTransportPair();
    return { host: memory.host, device: memory.device, description: 'emulator (memory link)', close: async () => {} };
  }
  const host = createSerialTransport({ path: pair.value.hostPath, baudRate });
  const device = createSerialTransport({ path: pair.value.devicePath, baudRate });
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

import type { ByteTransport } from '../../drivers/transport/byte-transport';
import { createMemoryTransportPair } from '../../drivers/transport/memory-transport';
import { openPtyPair, ptyTarget } from '../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import type { Logger } from '../logging/logger';

/** The two ends of the cable between a real driver and its emulator. */
export interface EmulatedLink {
  readonly host: ByteTransport;
  readonly device: ByteTransport;
  readonly description: string;
  close(): Promise<void>;
}

/**
 * A socat PTY pair opened with the real serialport binding on both ends, so an emulated station
 * exercises the same termios, chunking and timeouts as a real one; an in-memory pair when socat
 * is not installed (or config asks for it), with a warning, because the kiosk must still start.
 */
export async function openEmulatedLink(
  name: string,
  preferred: 'pty' | 'memory',
  baudRate: number,
  logger: Logger,
): Promise<EmulatedLink> {
  if (preferred === 'pty') {
    const pair = await openPtyPair();
    if (pair.ok) {
      const description = `emulator on ${ptyTarget(pair.value.hostPath)}`;
      return {
        host: createSerialTransport({ path: pair.value.hostPath, baudRate }),
        device: createSerialTransport({ path: pair.value.devicePath, baudRate }),
        description,
        close: () => pair.value.close(),
      };
    }
    logger.warn(
      { device: name, reason: pair.error.message },
      pair.error.kind === 'socatMissing'
        ? 'socat is not installed: the emulator runs over an in-memory link instead of a PTY pair'
        : 'could not open a PTY pair: the emulator runs over an in-memory link',
    );
  }
  const memory = createMemoryTransportPair();
  return {
    host: memory.host,
    device: memory.device,
    description: 'emulator (in memory)',
    close: () => Promise.resolve(),
  };
}

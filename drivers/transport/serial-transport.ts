import { SerialPort } from 'serialport';
import { err, ok } from '../../core/pure/result';
import type { ByteTransport, TransportError } from './byte-transport';
import { transportErrorFrom } from './byte-transport';
import { createListeners } from './listeners';

export interface SerialTransportOptions {
  readonly path: string;
  readonly baudRate: number;
}

/**
 * A serial port (real, USB-serial or a socat PTY) as a ByteTransport. 8N1, no flow control: the
 * SAM reader's default (docs/devices/id-card.md §2) and what kiosk printers ship with.
 *
 * Unplug quirk: on Linux serialport may not emit `close` when a USB-serial adapter is pulled
 * (serialport#2043); the manager's periodic probe catches that, and the next write then fails
 * with an error that closes this transport.
 */
export function createSerialTransport(options: SerialTransportOptions): ByteTransport {
  let port: SerialPort | null = null;
  let closingOnPurpose = false;
  const data = createListeners<Uint8Array>();
  const closed = createListeners<TransportError | null>();

  const finish = (error: TransportError | null) => {
    if (!port) return;
    port.removeAllListeners();
    // serialport may emit a write's EIO as 'error' after it closed a vanished port; with no listener
    // left that would be an uncaught exception that takes the kiosk down with the adapter.
    port.on('error', () => undefined);
    port = null;
    closed.emit(error);
  };

  return {
    description: `${options.path} @${options.baudRate}`,
    get isOpen() {
      return port?.isOpen ?? false;
    },
    open() {
      if (port?.isOpen) return Promise.resolve(ok(undefined));
      closingOnPurpose = false;
      return new Promise((resolve) => {
        const candidate = new SerialPort({
          path: options.path,
          baudRate: options.baudRate,
          dataBits: 8,
          stopBits: 1,
          parity: 'none',
          autoOpen: false,
          // Another process holding the port (ModemManager probing a ttyACM, a second kiosk) must
          // fail the open rather than interleave bytes with us.
          lock: true,
        });
        candidate.open((error) => {
          if (error) {
            candidate.removeAllListeners();
            resolve(err(transportErrorFrom(error)));
            return;
          }
          port = candidate;
          candidate.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk)));
          candidate.on('error', (e) => {
            const failure = transportErrorFrom(e);
            if (candidate.isOpen) candidate.close(() => finish(failure));
            else finish(failure);
          });
          candidate.on('close', (e: Error | null | undefined) => {
            finish(closingOnPurpose ? null : e ? transportErrorFrom(e) : { code: 'closed', message: 'port closed' });
          });
          resolve(ok(undefined));
        });
      });
    },
    write(bytes) {
      const current = port;
      if (!current?.isOpen) return Promise.resolve(err({ code: 'closed', message: 'port is not open' }));
      return new Promise((resolve) => {
        current.write(Buffer.from(bytes), (writeError) => {
          if (writeError) return resolve(err(transportErrorFrom(writeError)));
          current.drain((drainError) => resolve(drainError ? err(transportErrorFrom(drainError)) : ok(undefined)));
        });
      });
    },
    onData: (listener) => data.add(listener),
    onClose: (listener) => closed.add(listener),
    close() {
      const current = port;
      if (!current) return Promise.resolve();
      closingOnPurpose = true;
      return new Promise((resolve) => {
        if (!current.isOpen) {
          finish(null);
          resolve();
          return;
        }
        current.close(() => {
          finish(null);
          resolve();
        });
      });
    },
  };
}

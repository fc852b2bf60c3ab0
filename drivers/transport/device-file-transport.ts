import { constants, promises as fs } from 'node:fs';
import { err, ok } from '../../core/pure/result';
import type { ByteTransport, TransportError } from './byte-transport';
import { transportErrorFrom } from './byte-transport';
import { createListeners } from './listeners';

export interface DeviceFileTransportOptions {
  /** e.g. /dev/usb/lp0 (Linux usblp: USB printer class). */
  readonly path: string;
  /** How often to look for status bytes from the printer's bulk-IN endpoint. */
  readonly pollMs?: number;
}

/**
 * A USB printer-class device file. usblp passes our bytes to the bulk-OUT endpoint and returns
 * bulk-IN bytes (DLE EOT replies) on read. The file is opened non-blocking because a blocking
 * read on a printer that has nothing to say would hold one of libuv's four pool threads forever;
 * instead we poll, and EAGAIN just means "nothing yet".
 */
export function createDeviceFileTransport(options: DeviceFileTransportOptions): ByteTransport {
  let handle: fs.FileHandle | null = null;
  let timer: NodeJS.Timeout | null = null;
  let reading = false;
  const data = createListeners<Uint8Array>();
  const closed = createListeners<TransportError | null>();
  const buffer = Buffer.alloc(256);

  const finish = async (error: TransportError | null) => {
    const current = handle;
    if (!current) return;
    handle = null;
    if (timer) clearInterval(timer);
    timer = null;
    await current.close().catch(() => undefined);
    closed.emit(error);
  };

  const poll = async () => {
    const current = handle;
    if (!current || reading) return;
    reading = true;
    try {
      const { bytesRead } = await current.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0) data.emit(new Uint8Array(buffer.subarray(0, bytesRead)));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') await finish(transportErrorFrom(error));
    } finally {
      reading = false;
    }
  };

  return {
    description: options.path,
    get isOpen() {
      return handle !== null;
    },
    async open() {
      if (handle) return ok(undefined);
      try {
        handle = await fs.open(options.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
      } catch (error) {
        return err(transportErrorFrom(error));
      }
      timer = setInterval(() => void poll(), options.pollMs ?? 20);
      return ok(undefined);
    },
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const current = handle;
        if (!current) return err({ code: 'closed', message: 'device file is not open' });
        try {
          const { bytesWritten } = await current.write(bytes, offset, bytes.length - offset, null);
          offset += bytesWritten;
        } catch (error) {
          const code = (error as { code?: string }).code;
          // The printer's buffer is full (usblp returns EAGAIN non-blocking): wait and go on.
          if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
            await new Promise((resolve) => setTimeout(resolve, 10));
            continue;
          }
          const failure = transportErrorFrom(error);
          await finish(failure);
          return err(failure);
        }
      }
      return ok(undefined);
    },
    onData: (listener) => data.add(listener),
    onClose: (listener) => closed.add(listener),
    close: () => finish(null),
  };
}

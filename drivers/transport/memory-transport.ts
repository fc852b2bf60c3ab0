import { err, ok } from '../../core/pure/result';
import type { ByteTransport, TransportError } from './byte-transport';
import { createListeners } from './listeners';

export interface MemoryTransportPair {
  /** The driver's end. */
  readonly host: ByteTransport;
  /** The emulator's end. */
  readonly device: ByteTransport;
  /** Simulates an unplug: both ends close with an error. */
  unplug(): void;
}

/**
 * Two connected in-memory ends, delivering asynchronously (next macrotask) like a real port so
 * tests cannot depend on synchronous delivery. Used by unit tests and as the fallback link for
 * emulators when socat is not installed.
 */
export function createMemoryTransportPair(): MemoryTransportPair {
  const a = createEnd('memory (host end)');
  const b = createEnd('memory (device end)');
  a.peer = b;
  b.peer = a;
  return {
    host: a.transport,
    device: b.transport,
    unplug() {
      const error: TransportError = { code: 'notFound', message: 'device unplugged' };
      a.fail(error);
      b.fail(error);
    },
  };
}

interface End {
  peer: End | null;
  open: boolean;
  transport: ByteTransport;
  deliver(chunk: Uint8Array): void;
  fail(error: TransportError): void;
}

function createEnd(description: string): End {
  const data = createListeners<Uint8Array>();
  const closed = createListeners<TransportError | null>();
  const end: End = {
    peer: null,
    open: false,
    deliver(chunk) {
      if (end.open) data.emit(chunk);
    },
    fail(error) {
      if (!end.open) return;
      end.open = false;
      closed.emit(error);
    },
    transport: {
      description,
      get isOpen() {
        return end.open;
      },
      open() {
        end.open = true;
        return Promise.resolve(ok(undefined));
      },
      write(bytes) {
        if (!end.open) return Promise.resolve(err({ code: 'closed', message: 'not open' }));
        const copy = new Uint8Array(bytes);
        setImmediate(() => end.peer?.deliver(copy));
        return Promise.resolve(ok(undefined));
      },
      onData: (listener) => data.add(listener),
      onClose: (listener) => closed.add(listener),
      close() {
        if (end.open) {
          end.open = false;
          closed.emit(null);
        }
        return Promise.resolve();
      },
    },
  };
  return end;
}

import { Socket } from 'node:net';
import { err, ok } from '../../core/pure/result';
import type { ByteTransport, TransportError } from './byte-transport';
import { transportErrorFrom } from './byte-transport';
import { createListeners } from './listeners';

export interface TcpTransportOptions {
  readonly host: string;
  readonly port: number;
  readonly connectTimeoutMs?: number;
}

/** A network printer's raw port (JetDirect / "port 9100"): ESC/POS bytes both ways over TCP. */
export function createTcpTransport(options: TcpTransportOptions): ByteTransport {
  let socket: Socket | null = null;
  let closingOnPurpose = false;
  const data = createListeners<Uint8Array>();
  const closed = createListeners<TransportError | null>();
  const finish = (error: TransportError | null) => {
    if (!socket) return;
    socket.removeAllListeners();
    socket.destroy();
    socket = null;
    closed.emit(error);
  };
  return {
    description: `tcp ${options.host}:${options.port}`,
    get isOpen() {
      return socket !== null && !socket.destroyed;
    },
    open() {
      if (socket && !socket.destroyed) return Promise.resolve(ok(undefined));
      closingOnPurpose = false;
      return new Promise((resolve) => {
        const candidate = new Socket();
        candidate.setNoDelay(true);
        candidate.setTimeout(options.connectTimeoutMs ?? 3_000);
        const fail = (error: TransportError) => {
          candidate.removeAllListeners();
          candidate.destroy();
          resolve(err(error));
        };
        candidate.once('timeout', () => fail({ code: 'timeout', message: 'no answer from the printer' }));
        candidate.once('error', (e) => fail(transportErrorFrom(e)));
        candidate.connect(options.port, options.host, () => {
          candidate.removeAllListeners();
          candidate.setTimeout(0);
          socket = candidate;
          candidate.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk)));
          candidate.on('error', (e) => finish(transportErrorFrom(e)));
          candidate.on('close', () =>
            finish(closingOnPurpose ? null : { code: 'closed', message: 'connection closed' }),
          );
          resolve(ok(undefined));
        });
      });
    },
    write(bytes) {
      const current = socket;
      if (!current || current.destroyed) return Promise.resolve(err({ code: 'closed', message: 'not connected' }));
      return new Promise((resolve) => {
        current.write(bytes, (error) => resolve(error ? err(transportErrorFrom(error)) : ok(undefined)));
      });
    },
    onData: (listener) => data.add(listener),
    onClose: (listener) => closed.add(listener),
    close() {
      closingOnPurpose = true;
      finish(null);
      return Promise.resolve();
    },
  };
}

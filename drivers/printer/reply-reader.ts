import { err, ok, type Result } from '../../core/pure/result';
import type { ByteTransport, TransportError } from '../transport/byte-transport';
import { XOFF, XON } from './status';

export type ReplyProblem =
  | {
      readonly kind: 'timeout';
      /** bytes came back but none was a reply of the asked kind */ readonly garbled: boolean;
    }
  | { readonly kind: 'writeFailed'; readonly error: TransportError }
  | { readonly kind: 'closed' };

/**
 * One-byte request/reply exchanges on the printer's return channel. Replies carry no request id,
 * so exactly one request is outstanding at a time (the printer's lock guarantees it), bytes that
 * arrive with no request outstanding are stale and dropped, and XON/XOFF are filtered (§1/§7).
 */
export interface ReplyReader {
  request(
    bytes: Uint8Array,
    accept: (byte: number) => boolean,
    timeoutMs: number,
  ): Promise<Result<number, ReplyProblem>>;
  /** Fails a pending request with 'closed' (disconnect, unplug). */
  interrupt(): void;
  dispose(): void;
}

interface Pending {
  readonly accept: (byte: number) => boolean;
  readonly settle: (result: Result<number, ReplyProblem>) => void;
  garbled: boolean;
}

export function createReplyReader(transport: ByteTransport): ReplyReader {
  let pending: Pending | null = null;
  const stopListening = transport.onData((chunk) => {
    for (const byte of chunk) {
      if (!pending || byte === XON || byte === XOFF) continue;
      if (pending.accept(byte)) pending.settle(ok(byte));
      else pending.garbled = true;
    }
  });

  return {
    async request(bytes, accept, timeoutMs) {
      if (pending) throw new Error('reply reader: a request is already outstanding (callers must hold the lock)');
      let timer: NodeJS.Timeout | undefined;
      let current: Pending | null = null;
      const reply = new Promise<Result<number, ReplyProblem>>((resolve) => {
        const entry: Pending = {
          accept,
          garbled: false,
          settle: (result) => {
            if (pending !== entry) return;
            pending = null;
            clearTimeout(timer);
            resolve(result);
          },
        };
        pending = entry;
        current = entry;
        timer = setTimeout(() => entry.settle(err({ kind: 'timeout', garbled: entry.garbled })), timeoutMs);
      });
      const written = await transport.write(bytes);
      if (!written.ok) (current as Pending | null)?.settle(err({ kind: 'writeFailed', error: written.error }));
      return reply;
    },
    interrupt() {
      pending?.settle(err({ kind: 'closed' }));
    },
    dispose() {
      pending?.settle(err({ kind: 'closed' }));
      stopListening();
    },
  };
}

import type { Readable, Writable } from 'node:stream';
import { err, ok, type Result } from '../../core/pure/result';

/**
 * A DevTools protocol client over Chromium's `--remote-debugging-pipe`: Chromium reads commands on
 * its fd 3 and writes answers and events on its fd 4, each message one JSON text ended by a NUL
 * byte (content/browser/devtools/devtools_pipe_handler.cc). Unlike `--remote-debugging-port` it
 * opens no TCP port another local process could use; only the launcher, which holds the pipe's
 * other ends, can talk to Chromium. When the launcher goes, the pipe closes and Chromium quits.
 */
export interface CdpEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

export interface CdpError {
  readonly code: number;
  readonly message: string;
}

export interface CdpPipe {
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Result<unknown, CdpError>>;
  onEvent(listener: (event: CdpEvent) => void): () => void;
  /** Resolves when Chromium's end of the pipe closed (it exited), or after close(). */
  readonly closed: Promise<void>;
  close(): void;
}

/** A message larger than this is not one Chromium sends about targets; it ends the connection. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const CLOSED: CdpError = { code: -1, message: 'the DevTools pipe is closed' };

export function connectCdpPipe(toChromium: Writable, fromChromium: Readable): CdpPipe {
  let nextId = 1;
  let isClosed = false;
  const pending = new Map<number, (result: Result<unknown, CdpError>) => void>();
  const listeners = new Set<(event: CdpEvent) => void>();
  let buffered: Buffer = Buffer.alloc(0);
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  const finish = () => {
    if (isClosed) return;
    isClosed = true;
    for (const answer of pending.values()) answer(err(CLOSED));
    pending.clear();
    markClosed();
  };

  const deliver = (text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return; // Not ours to fix; the next message starts after the NUL anyway.
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, result, error, method, params, sessionId } = message as Record<string, unknown>;
    if (typeof id === 'number') {
      const answer = pending.get(id);
      pending.delete(id);
      if (!answer) return;
      if (error && typeof error === 'object') {
        const { code, message: said } = error as { code?: unknown; message?: unknown };
        answer(err({ code: typeof code === 'number' ? code : 0, message: typeof said === 'string' ? said : 'error' }));
      } else {
        answer(ok(result));
      }
      return;
    }
    if (typeof method === 'string') {
      const event: CdpEvent = {
        method,
        params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {},
        ...(typeof sessionId === 'string' ? { sessionId } : {}),
      };
      for (const listener of [...listeners]) listener(event);
    }
  };

  fromChromium.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
      const text = buffered.subarray(0, end).toString('utf8');
      buffered = buffered.subarray(end + 1);
      deliver(text);
    }
    if (buffered.length > MAX_MESSAGE_BYTES) {
      fromChromium.destroy();
      finish();
    }
  });
  fromChromium.once('close', finish);
  fromChromium.once('end', finish);
  fromChromium.on('error', finish);
  // Writing after Chromium exited fails with EPIPE; the exit is handled where the process is.
  toChromium.on('error', finish);

  return {
    send(method, params = {}, sessionId) {
      if (isClosed) return Promise.resolve(err(CLOSED));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        toChromium.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    closed,
    close() {
      toChromium.end();
      fromChromium.destroy();
      finish();
    },
  };
}

import type { Transport } from '../client';
import { ServerMessage, type CallMessage } from '../wire';

/** The parts of the WebSocket API we use; browsers and the `ws` package both provide them. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketConstructor = new (url: string, protocols?: string[]) => WebSocketLike;

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketTransport extends Transport {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting and fails every pending call. */
  close(): void;
}

export interface WebSocketTransportOptions {
  url: string;
  /**
   * The subprotocols to offer, asked again before each connection: the browser host's launch key
   * travels in them (core/api/launch-key.ts) and the page may learn a new one while reconnecting.
   */
  protocols?: () => string[];
  /** Node has no global WebSocket before v22; tests pass the `ws` class. */
  WebSocketImpl?: WebSocketConstructor;
  callTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

const OPEN = 1;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The browser host's transport. Calls made while the socket is (re)connecting wait for it, up to
 * the call timeout; calls in flight when it drops fail at once, because we cannot know whether
 * the host ran them. Reconnects with capped exponential backoff so a restarted host is picked up.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const Impl = options.WebSocketImpl ?? (globalThis as unknown as { WebSocket: WebSocketConstructor }).WebSocket;
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const minDelay = options.reconnectMinMs ?? 250;
  const maxDelay = options.reconnectMaxMs ?? 5_000;

  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<number, Pending>();
  const waitingToSend: Array<{ id: number; frame: string }> = [];
  let nextId = 1;
  let socket: WebSocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let stopped = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const settle = (id: number, outcome: { value: unknown } | { error: Error }) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    if ('error' in outcome) call.reject(outcome.error);
    else call.resolve(outcome.value);
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const message = ServerMessage.safeParse(json);
    if (!message.success) return;
    if (message.data.type === 'event') {
      for (const listener of [...eventListeners]) listener(message.data.event, message.data.payload);
    } else if (message.data.id !== null) {
      settle(message.data.id, { value: message.data.response });
    }
  };

  const connect = () => {
    if (stopped) return;
    setState('connecting');
    const ws = options.protocols ? new Impl(options.url, options.protocols()) : new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const item of waitingToSend.splice(0)) {
        if (pending.has(item.id)) ws.send(item.frame);
      }
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onerror = () => {
      // A close event always follows; reconnection is handled there.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const id of [...pending.keys()]) {
        if (!waitingToSend.some((item) => item.id === id)) {
          settle(id, { error: new Error('connection to the kiosk host was lost during the call') });
        }
      }
      setState('closed');
      if (stopped) return;
      const delay = Math.min(maxDelay, minDelay * 2 ** attempt);
      attempt += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  };

  connect();

  return {
    get state() {
      return state;
    },
    invoke(method, input) {
      if (stopped) return Promise.reject(new Error('transport closed'));
      const id = nextId++;
      const message: CallMessage = { type: 'call', id, method, input };
      const frame = JSON.stringify(message);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const queued = waitingToSend.findIndex((item) => item.id === id);
          if (queued >= 0) waitingToSend.splice(queued, 1);
          settle(id, { error: new Error(`no answer to ${method} within ${callTimeoutMs} ms`) });
        }, callTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        if (socket && socket.readyState === OPEN) socket.send(frame);
        else waitingToSend.push({ id, frame });
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const id of [...pending.keys()]) settle(id, { error: new Error('transport closed') });
      waitingToSend.length = 0;
      socket?.close();
      socket = null;
      setState('closed');
    },
  };
}

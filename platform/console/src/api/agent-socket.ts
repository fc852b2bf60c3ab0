import {
  AgentVideoMessage,
  PlatformToAgentVideoMessage,
  VIDEO_HELP_AGENT_SOCKET_PATH,
  VIDEO_SOCKET_CLOSE,
  type HelpTopic,
} from '../../../contract/video-help';

/**
 * The agent's signalling socket (platform/contract/video-help.ts, docs/video-help.md): a
 * WebSocket to VIDEO_HELP_AGENT_SOCKET_PATH on the console's own origin, so the session cookie
 * goes along (the platform checks it and the Origin). Every frame from the platform is checked
 * against PlatformToAgentVideoMessage before the page sees it; every frame to it is an
 * AgentVideoMessage, checked before it leaves.
 *
 * On duty lasts while the socket is open, so while the agent wants to be on duty a dropped
 * socket is reopened with growing delays and `duty` is sent again on each new connection. The
 * platform closes the socket with 4000 when a call ends; that is expected, so it is reopened at
 * once. 4401 (no session) and 4403 (this role cannot take calls) are final.
 */

export type AgentSocketStatus =
  /** Not connected and not trying (off duty). */
  | { readonly state: 'closed' }
  | { readonly state: 'connecting'; readonly attempt: number; readonly afterCallEnded: boolean }
  | { readonly state: 'open' }
  /** The connection dropped while on duty; the next try is in `retryInMs`. */
  | { readonly state: 'lost'; readonly attempt: number; readonly retryInMs: number; readonly closeCode: number }
  /** The platform refused the session (4401) or the role (4403): trying again would not help. */
  | { readonly state: 'refused'; readonly reason: 'unauthorised' | 'forbidden' };

/** The part of the browser's WebSocket this client uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (1-based): doubling from `initialMs` up to `maxMs`,
 * spread ±25 % so the agents of a county do not all knock at once after the platform restarts.
 */
export function backoffMs(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random) {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface AgentSocketOptions {
  readonly url: string;
  readonly onFrame: (frame: PlatformToAgentVideoMessage) => void;
  readonly onStatus: (status: AgentSocketStatus) => void;
  /** A frame from the platform that does not satisfy the contract (dropped). */
  readonly onInvalidFrame?: (detail: string) => void;
  readonly createSocket?: (url: string) => SocketLike;
  readonly backoff?: Backoff;
  readonly random?: () => number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export interface AgentSocket {
  /** On duty (connects if needed, sends `duty`, and keeps reconnecting) or off duty (sends it and closes). */
  setDuty(onDuty: boolean, topics: readonly HelpTopic[]): void;
  /** Sends one frame; false when there is no open connection or the frame breaks the contract. */
  send(message: AgentVideoMessage): boolean;
  /** Closes for good (the page is left). */
  dispose(): void;
}

/** ws: or wss: to the agent socket on the page's own origin. */
export function agentSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${VIDEO_HELP_AGENT_SOCKET_PATH}`;
}

export function createAgentSocket(options: AgentSocketOptions): AgentSocket {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let duty: { onDuty: boolean; topics: HelpTopic[] } = { onDuty: false, topics: [] };
  let socket: SocketLike | null = null;
  let retry: unknown = null;
  let failures = 0;
  let disposed = false;

  const status = (next: AgentSocketStatus) => {
    if (!disposed) options.onStatus(next);
  };

  const sendRaw = (message: AgentVideoMessage): boolean => {
    const checked = AgentVideoMessage.safeParse(message);
    if (!checked.success || !socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(checked.data));
    return true;
  };

  const connect = (afterCallEnded: boolean) => {
    retry = null;
    if (disposed || !duty.onDuty) return;
    status({ state: 'connecting', attempt: failures, afterCallEnded });
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      failures = 0;
      status({ state: 'open' });
      sendRaw({ t: 'duty', onDuty: duty.onDuty, topics: duty.topics });
    };
    current.onmessage = (event) => {
      if (socket !== current || typeof event.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        options.onInvalidFrame?.('not JSON');
        return;
      }
      const parsed = PlatformToAgentVideoMessage.safeParse(json);
      if (parsed.success) options.onFrame(parsed.data);
      else options.onInvalidFrame?.(parsed.error.issues.map((issue) => issue.message).join('; '));
    };
    // onclose follows every error; reconnecting is decided there once.
    current.onerror = () => undefined;
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      if (event.code === VIDEO_SOCKET_CLOSE.unauthorised || event.code === VIDEO_SOCKET_CLOSE.forbidden) {
        duty = { ...duty, onDuty: false };
        status({
          state: 'refused',
          reason: event.code === VIDEO_SOCKET_CLOSE.unauthorised ? 'unauthorised' : 'forbidden',
        });
        return;
      }
      if (!duty.onDuty) {
        status({ state: 'closed' });
        return;
      }
      if (event.code === VIDEO_SOCKET_CLOSE.ended) {
        // The platform closes both sides when a call ends: back on duty at once.
        retry = setTimer(() => connect(true), 0);
        return;
      }
      failures += 1;
      const retryInMs = backoffMs(failures, options.backoff, options.random);
      status({ state: 'lost', attempt: failures, retryInMs, closeCode: event.code });
      retry = setTimer(() => connect(false), retryInMs);
    };
  };

  const stopRetry = () => {
    if (retry !== null) clearTimer(retry);
    retry = null;
  };

  return {
    setDuty(onDuty, topics) {
      duty = { onDuty, topics: [...topics] };
      if (onDuty) {
        if (socket && socket.readyState === OPEN) sendRaw({ t: 'duty', onDuty, topics: duty.topics });
        else if (!socket) {
          stopRetry();
          failures = 0;
          connect(false);
        }
        // A socket still connecting sends the new duty when it opens.
        return;
      }
      stopRetry();
      const current = socket;
      if (current) {
        if (current.readyState === OPEN) sendRaw({ t: 'duty', onDuty: false, topics: duty.topics });
        socket = null;
        // Queued frames (the duty off) are sent before the close frame (WebSocket close()).
        current.close(1000, 'off duty');
      }
      status({ state: 'closed' });
    },
    send: sendRaw,
    dispose() {
      stopRetry();
      const current = socket;
      socket = null;
      current?.close(1000, 'page left');
      disposed = true;
    },
  };
}

import WebSocket from 'ws';
import type { VideoHelpIncoming } from '../api/video-help';
import type { Logger } from '../logging/logger';
import { err, ok, type Result } from '../pure/result';
import {
  KioskCallMessage,
  PlatformToKioskVideoMessage,
  VIDEO_SOCKET_CLOSE,
  type KioskVideoRequest,
} from '../../platform/contract/video-help';
import { kioskSocketUrl } from './platform-urls';

export type HangUpReason = Extract<KioskCallMessage, { t: 'hangUp' }>['reason'];

export type StartFailure =
  | { readonly kind: 'alreadyInCall'; readonly message: string }
  | { readonly kind: 'connectFailed'; readonly message: string };

export interface SignallingOptions {
  /** The platform client's base URL and terminal token (core/app/start.ts; platform/README.md). */
  readonly platform: { readonly baseUrl: string; readonly token: string; readonly timeoutMs: number };
  readonly logger: Logger;
  /** Every frame for the renderer: the platform's, validated, and core's own `link` word. */
  readonly onMessage: (message: VideoHelpIncoming) => void;
  /** A silent network is noticed by pings: one every this often, and no pong by the next one drops the link. */
  readonly pingIntervalMs?: number;
}

export interface VideoHelpSignalling {
  /** Opens the socket with the terminal's token and sends the request; one call at a time. */
  start(request: KioskVideoRequest): Promise<Result<void, StartFailure>>;
  /** One frame of the call, after the request. */
  send(frame: KioskCallMessage): Result<void, 'noCall'>;
  /** Sends `hangUp` with the reason and closes; nothing happens when no call is on. */
  end(reason: HangUpReason): void;
  inCall(): boolean;
  /** The kiosk stops: any call ends (the resident's visit is over) and the socket is closed. */
  close(): Promise<void>;
}

interface Call {
  readonly socket: WebSocket;
  opened: boolean;
  /** Pong since the last ping. */
  alive: boolean;
  pinger: NodeJS.Timeout | null;
}

/** SDP is at most 20 000 characters (platform/contract/video-help.ts); a bigger frame is not one of ours. */
const MAX_FRAME_BYTES = 256 * 1024;

/**
 * Kiosk core's side of the 视频帮办 socket (platform/contract/video-help.ts, docs/video-help.md).
 * Core holds the socket because the terminal's token never reaches the page; it relays, checks
 * every frame against the contract both ways, and keeps nothing of a call but the open socket:
 * no frame is written to disk, the database or the log (SDP carries addresses, screen states carry
 * what the resident typed). The call's state is dropped the moment it ends.
 *
 * The renderer hears `{t:'link', state:'closed'}` once a call has ended (the platform's `ended`, or
 * core's own end), and `{t:'link', state:'lost'}` when the socket went away before that; the
 * platform then ends the call itself after its grace period (connectionLost).
 */
export function createVideoHelpSignalling(options: SignallingOptions): VideoHelpSignalling {
  const log = options.logger.child({ component: 'video-help' });
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  let call: Call | null = null;

  const tell = (message: VideoHelpIncoming) => {
    try {
      options.onMessage(message);
    } catch (error) {
      log.error({ err: error }, 'relaying a video help frame to the screen failed');
    }
  };

  /** The call is over for this kiosk: state dropped, the socket closed, the screen told. */
  const finish = (current: Call, closeCode: number) => {
    if (call !== current) return;
    call = null;
    if (current.pinger) clearInterval(current.pinger);
    if (current.socket.readyState === WebSocket.OPEN || current.socket.readyState === WebSocket.CONNECTING) {
      current.socket.close(closeCode);
    }
    tell({ t: 'link', state: 'closed' });
  };

  const receive = (current: Call, data: WebSocket.RawData, isBinary: boolean) => {
    if (call !== current) return;
    current.alive = true;
    if (isBinary) {
      log.warn({}, 'ignored a binary frame from the platform (the contract has text frames only)');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch {
      log.warn({}, 'ignored a frame from the platform that is not JSON');
      return;
    }
    const parsed = PlatformToKioskVideoMessage.safeParse(json);
    if (!parsed.success) {
      // The frame may hold an SDP or a state: only its type and where it broke the contract are logged.
      const t = typeof json === 'object' && json !== null && 't' in json && typeof json.t === 'string' ? json.t : null;
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
      log.warn(
        { t: t?.slice(0, 40) ?? null, issues: issues.slice(0, 5) },
        'ignored an off-contract frame from the platform',
      );
      return;
    }
    const message = parsed.data;
    if (message.t === 'queued')
      log.info({ callId: message.callId, position: message.position }, 'video help call queued');
    if (message.t === 'accepted') log.info({ callId: message.callId }, 'video help call accepted by an agent');
    if (message.t === 'error') log.warn({ code: message.code }, 'the platform refused a video help frame');
    tell(message);
    if (message.t === 'ended') {
      log.info({ callId: message.callId, reason: message.reason }, 'video help call ended');
      finish(current, 1000);
    }
  };

  const keepAlive = (current: Call) => {
    current.pinger = setInterval(() => {
      if (!current.alive) {
        log.warn({}, 'the video help socket stopped answering pings; dropping it');
        current.socket.terminate();
        return;
      }
      current.alive = false;
      current.socket.ping();
    }, pingIntervalMs);
    current.pinger.unref();
  };

  const end = (reason: HangUpReason) => {
    const current = call;
    if (!current) return;
    if (!current.opened) {
      // Still connecting: nothing to hang up; start() answers connectFailed.
      log.info({ reason }, 'video help call ended before the socket opened');
      call = null;
      current.socket.terminate();
      return;
    }
    if (current.socket.readyState === WebSocket.OPEN) {
      current.socket.send(JSON.stringify({ t: 'hangUp', reason } satisfies KioskCallMessage));
    }
    log.info({ reason }, 'video help call ended by the kiosk');
    finish(current, 1000);
  };

  return {
    start(request) {
      if (call) return Promise.resolve(err({ kind: 'alreadyInCall', message: 'a video help call is already on' }));
      const socket = new WebSocket(kioskSocketUrl(options.platform.baseUrl), {
        headers: { authorization: `Bearer ${options.platform.token}` },
        handshakeTimeout: options.platform.timeoutMs,
        maxPayload: MAX_FRAME_BYTES,
        perMessageDeflate: false,
      });
      const current: Call = { socket, opened: false, alive: true, pinger: null };
      call = current;
      let lastError: string | null = null;
      return new Promise((resolve) => {
        socket.on('open', () => {
          current.opened = true;
          socket.send(JSON.stringify(request));
          keepAlive(current);
          log.info({ topic: request.topic, elderMode: request.elderMode }, 'video help socket open; request sent');
          resolve(ok(undefined));
        });
        socket.on('message', (data, isBinary) => receive(current, data, isBinary));
        socket.on('pong', () => {
          current.alive = true;
        });
        socket.on('error', (error) => {
          lastError = error.message;
          log.warn({ err: error }, 'video help socket error');
        });
        socket.on('close', (code) => {
          if (current.pinger) clearInterval(current.pinger);
          if (!current.opened) {
            if (call === current) call = null;
            const message = lastError ?? `the socket closed before it opened (code ${code})`;
            resolve(err({ kind: 'connectFailed', message }));
            return;
          }
          // Ended already (finish ran): the screen was told 'closed'.
          if (call !== current) return;
          call = null;
          const level =
            code === VIDEO_SOCKET_CLOSE.unauthorised || code === VIDEO_SOCKET_CLOSE.forbidden ? 'error' : 'warn';
          log[level]({ code }, 'the video help socket dropped during a call');
          tell({ t: 'link', state: 'lost' });
        });
      });
    },

    send(frame) {
      const current = call;
      if (!current?.opened || current.socket.readyState !== WebSocket.OPEN) return err('noCall');
      // The dispatcher checked it already; a caller inside core did not, and the platform would close on it.
      const checked = KioskCallMessage.parse(frame);
      current.socket.send(JSON.stringify(checked));
      if (checked.t === 'hangUp') {
        log.info({ reason: checked.reason }, 'video help call hung up by the screen');
        finish(current, 1000);
      }
      return ok(undefined);
    },

    end,

    inCall: () => call !== null,

    async close() {
      const current = call;
      if (!current) return;
      const closed = new Promise<void>((resolve) => current.socket.once('close', () => resolve()));
      end('sessionEnded');
      // A platform that does not finish the closing handshake must not hold up the kiosk's stop.
      const timer = setTimeout(() => current.socket.terminate(), 2_000);
      timer.unref();
      await closed;
      clearTimeout(timer);
    },
  };
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

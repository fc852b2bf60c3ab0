import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  KioskCallMessage,
  KioskVideoRequest,
  VIDEO_HELP_AVAILABILITY_PATH,
  VIDEO_HELP_KIOSK_SOCKET_PATH,
  VIDEO_SOCKET_CLOSE,
  type PlatformToKioskVideoMessage,
  type VideoHelpAvailability,
} from '../../../platform/contract/video-help';

/** One kiosk socket as the fake platform sees it. */
export interface FakeKioskSocket {
  readonly socket: WebSocket;
  readonly authorization: string | undefined;
  /** The first frame, checked against the contract's request. */
  readonly request: Promise<KioskVideoRequest>;
  /** Every later frame, checked against KioskCallMessage (an off-contract one fails the test). */
  readonly frames: KioskCallMessage[];
  /** Resolves with the close code once the kiosk's socket closed. */
  readonly closed: Promise<number>;
  /** Sends a platform frame as it is (tests also send off-contract ones). */
  send(frame: PlatformToKioskVideoMessage | Record<string, unknown> | string): void;
  /** The next frame after the request. */
  nextFrame(): Promise<KioskCallMessage>;
}

/**
 * The platform's side of the kiosk socket and the availability endpoint, on a real loopback
 * HTTP server: the bearer token is checked as the platform checks it (4401 … here a 401 on the
 * upgrade), frames are parsed with the contract's schemas, and the test decides every answer.
 */
export async function startFakeVideoPlatform(token: string) {
  const sockets: FakeKioskSocket[] = [];
  const waiting: Array<(socket: FakeKioskSocket) => void> = [];
  const availabilityAsked: string[] = [];
  let claimed = 0;
  const state = {
    availability: { enabled: true, agentsOnDuty: 1, waiting: 0, recording: 'off' } as VideoHelpAvailability,
    /** An HTTP status to answer availability with instead (500, 404 …). */
    availabilityStatus: 200,
  };

  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((req, res) => {
    if (req.url === VIDEO_HELP_AVAILABILITY_PATH && req.method === 'GET') {
      availabilityAsked.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401).end();
        return;
      }
      if (state.availabilityStatus !== 200) {
        res.writeHead(state.availabilityStatus, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'failed', status: state.availabilityStatus }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.availability));
      return;
    }
    res.writeHead(404).end();
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== VIDEO_HELP_KIOSK_SOCKET_PATH || req.headers.authorization !== `Bearer ${token}`) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const frames: KioskCallMessage[] = [];
      const frameWaiters: Array<(frame: KioskCallMessage) => void> = [];
      let resolveRequest!: (request: KioskVideoRequest) => void;
      let rejectRequest!: (error: Error) => void;
      const request = new Promise<KioskVideoRequest>((resolve, reject) => {
        resolveRequest = resolve;
        rejectRequest = reject;
      });
      let gotRequest = false;
      ws.on('message', (data, isBinary) => {
        if (isBinary || !Buffer.isBuffer(data)) throw new Error('the kiosk sent a frame that is not one text buffer');
        const json: unknown = JSON.parse(data.toString('utf8'));
        if (!gotRequest) {
          gotRequest = true;
          const parsed = KioskVideoRequest.safeParse(json);
          if (parsed.success) resolveRequest(parsed.data);
          else {
            rejectRequest(new Error(`the first frame is not a request: ${parsed.error.message}`));
            ws.close(VIDEO_SOCKET_CLOSE.invalid);
          }
          return;
        }
        const frame = KioskCallMessage.parse(json);
        frames.push(frame);
        frameWaiters.shift()?.(frame);
      });
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      let seen = 0;
      const kiosk: FakeKioskSocket = {
        socket: ws,
        authorization: req.headers.authorization,
        request,
        frames,
        closed,
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        nextFrame() {
          const index = seen;
          seen += 1;
          const ready = frames[index];
          if (ready) return Promise.resolve(ready);
          return new Promise((resolve) => frameWaiters.push(resolve));
        },
      };
      sockets.push(kiosk);
      const waiter = waiting.shift();
      if (waiter) waiter(kiosk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    state,
    sockets,
    availabilityAsked,
    /** Kiosk sockets in the order they connected, each handed out once (waits for the next one). */
    nextSocket(): Promise<FakeKioskSocket> {
      const index = claimed;
      claimed += 1;
      const existing = sockets[index];
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => waiting.push(resolve));
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

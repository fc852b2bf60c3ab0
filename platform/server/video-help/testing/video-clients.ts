import WebSocket from 'ws';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../contract/console/endpoints';
import type { ConsoleRole, ConsoleScope, ConsoleUser } from '../../../contract/console/users';
import {
  PlatformToAgentVideoMessage,
  PlatformToKioskVideoMessage,
  VIDEO_HELP_AGENT_SOCKET_PATH,
  VIDEO_HELP_KIOSK_SOCKET_PATH,
} from '../../../contract/video-help';
import { csrfTokenFor } from '../../console/http/csrf';
import { TEST_SCRYPT } from '../../console/testing/console-platform';
import { hashPassword } from '../../console/passwords';
import { createSession, DEFAULT_SESSION_POLICY } from '../../console/sessions-store';
import { createConsoleUser } from '../../console/users-store';
import type { SqlDb } from '../../db/sql';
import type { PlatformServer } from '../../start';

/**
 * Real WebSocket clients (the `ws` package) for the video hub's tests: a kiosk with its bearer
 * token, an agent with a console session cookie and the platform's Origin, as the console's
 * browser sends them. Every frame received is parsed with the contract's schema, so a test that
 * reads a frame also proves the platform sent a valid one.
 */

type Schema = typeof PlatformToKioskVideoMessage | typeof PlatformToAgentVideoMessage;

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export class FrameClient<Frame extends { t: string }> {
  private readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();
  readonly closed: Promise<Closed>;
  readonly opened: Promise<boolean>;

  constructor(
    readonly ws: WebSocket,
    schema: Schema,
  ) {
    ws.on('message', (data) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      const frame = schema.parse(JSON.parse(text)) as unknown as Frame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const waiter of [...this.waiters]) waiter();
      }),
    );
    this.opened = new Promise((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('close', () => resolve(false));
      ws.once('error', () => resolve(false));
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Takes the first frame received (now or within `timeoutMs`) of type `t` matching `where`. */
  next<T extends Frame['t']>(
    t: T,
    where: (frame: Extract<Frame, { t: T }>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Extract<Frame, { t: T }>> {
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        const index = this.frames.findIndex((frame) => frame.t === t && where(frame as Extract<Frame, { t: T }>));
        if (index < 0) return false;
        const [frame] = this.frames.splice(index, 1);
        resolve(frame as Extract<Frame, { t: T }>);
        return true;
      };
      if (look()) return;
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${t} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      const waiter = () => {
        if (look()) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
        }
      };
      this.waiters.add(waiter);
    });
  }

  /** Frames received and not taken yet. */
  pending(): readonly Frame[] {
    return [...this.frames];
  }

  close(): void {
    this.ws.close();
  }
}

export type KioskClient = FrameClient<PlatformToKioskVideoMessage>;
export type AgentClient = FrameClient<PlatformToAgentVideoMessage>;

const wsOrigin = (server: PlatformServer) => server.origin.replace(/^http/, 'ws');

export function kioskSocket(server: PlatformServer, headers: Record<string, string>): KioskClient {
  const ws = new WebSocket(`${wsOrigin(server)}${VIDEO_HELP_KIOSK_SOCKET_PATH}`, { headers });
  ws.on('error', () => undefined);
  return new FrameClient(ws, PlatformToKioskVideoMessage);
}

export function kioskWithToken(server: PlatformServer, token: string): KioskClient {
  return kioskSocket(server, { authorization: `Bearer ${token}` });
}

export function agentSocket(server: PlatformServer, headers: Record<string, string>): AgentClient {
  const ws = new WebSocket(`${wsOrigin(server)}${VIDEO_HELP_AGENT_SOCKET_PATH}`, { headers });
  ws.on('error', () => undefined);
  return new FrameClient(ws, PlatformToAgentVideoMessage);
}

export interface TestAgent {
  readonly user: ConsoleUser;
  readonly cookie: string;
  readonly csrf: string;
}

let userCount = 0;

/** A console user with a live session, made directly in the database. */
export async function addAgent(
  sql: SqlDb,
  role: ConsoleRole,
  scope: ConsoleScope,
  displayName = '王芳',
): Promise<TestAgent> {
  userCount += 1;
  const created = await createConsoleUser(
    sql,
    {
      username: `agent.${role.toLowerCase()}.${userCount}`,
      displayName,
      role,
      scope,
      passwordHash: await hashPassword('correct horse battery', TEST_SCRYPT),
    },
    new Date(),
  );
  if (!created.ok) throw new Error('user exists');
  const { token } = await createSession(sql, created.value.userId, DEFAULT_SESSION_POLICY, new Date());
  return { user: created.value, cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfTokenFor(token) };
}

export function agentOf(server: PlatformServer, agent: TestAgent): AgentClient {
  return agentSocket(server, { cookie: agent.cookie, origin: server.origin });
}

export const csrfHeaders = (server: PlatformServer, agent: TestAgent): Record<string, string> => ({
  cookie: agent.cookie,
  origin: server.origin,
  'sec-fetch-site': 'same-origin',
  [CSRF_HEADER]: agent.csrf,
});

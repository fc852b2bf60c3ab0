import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleUser } from '../../contract/console/users';
import {
  VIDEO_HELP_AGENT_SOCKET_PATH,
  VIDEO_HELP_KIOSK_SOCKET_PATH,
  VIDEO_SOCKET_CLOSE,
  type CallEndReason,
  type PlatformToAgentVideoMessage,
  type PlatformToKioskVideoMessage,
} from '../../contract/video-help';
import { writeAudit, type AuditOutcome } from '../console/audit-store';
import { touchSession, type SessionPolicy } from '../console/sessions-store';
import { rowIdOf } from '../console/users-store';
import type { SqlDb } from '../db/sql';
import type { PlatformLog } from '../http/types';
import type { PlatformSealer } from '../sealing/sealer';
import type { TerminalIdentity } from '../store/terminals';
import type { Clock } from '../time';
import { refreshSeen, SEEN_REFRESH_MS, setDuty } from './agents-store';
import { handleAgentFrame } from './agent-frames';
import { callsWaitingSince, endCall, findCall, type CallRow } from './calls-store';
import type { VideoHelpSettings } from './config';
import { closeRequestAfterCall, convertToCallback } from './help-link';
import { handleKioskFrame } from './kiosk-frames';
import { agentsFor, loadQueueSnapshot, positionOf, queueOf } from './queue-snapshot';
import { dropRelayOfCall, putRelay, takeRelay, VIDEO_CHANNEL, type CallSide } from './relay-store';
import { FrameBudget } from './frame-budget';
import { authenticateAgent, authenticateKiosk, type SocketRefusal } from './upgrade-auth';

/**
 * The platform's 视频帮办 signalling hub (docs/video-help.md): both WebSockets of
 * platform/contract/video-help.ts on the Node server's 'upgrade' event (start.ts).
 *
 * Every frame for the other side of a call goes through the database (relay-store.ts): written,
 * announced on VIDEO_CHANNEL (SqlDb.notify: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite),
 * and taken by whichever instance holds that side's socket. So a kiosk on one instance and its
 * agent on another talk as if on one. The same channel carries "the queue changed" and "call X
 * ended". A poll every `pollMs` does the same work without the notification, for a second
 * process on one SQLite file (which does not hear the first one's notifications) and for a
 * notification lost with a dropped connection: it takes waiting relay rows, sees calls ended
 * elsewhere, pushes queue changes, ends unanswered calls (noAnswer) and refreshes the on-duty
 * rows of this instance's agents.
 */

export interface VideoHubDeps {
  readonly sql: SqlDb;
  readonly sealer: PlatformSealer;
  readonly settings: VideoHelpSettings;
  readonly now: Clock;
  readonly log: PlatformLog;
  readonly sessionPolicy: SessionPolicy;
  readonly trustProxy: boolean;
  /** How often the safety-net poll runs (default 1 s). */
  readonly pollMs?: number;
}

export interface VideoHub {
  /** True when the request was for one of the two video paths (and is now handled). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

/** Largest frame: an SDP with many candidates fits; a co-browse state with 80 fields too. */
export const VIDEO_MAX_FRAME_BYTES = 64 * 1024;

export interface KioskConnection {
  readonly side: 'kiosk';
  readonly ws: WebSocket;
  readonly terminal: TerminalIdentity;
  callId: string | null;
  topic: string | null;
  status: 'idle' | 'waiting' | 'connected' | 'ended';
  consentPersonalValues: boolean;
  lastQueue: string;
  samples: number;
}

export interface AgentConnection {
  readonly side: 'agent';
  readonly ws: WebSocket;
  readonly user: ConsoleUser;
  readonly userRowId: number;
  readonly sessionToken: string;
  readonly ip: string;
  onDuty: boolean;
  topics: readonly string[];
  readonly calls: Set<string>;
  readonly samples: Map<string, number>;
  lastQueue: string;
}

/** What the frame handlers (kiosk-frames.ts, agent-frames.ts) use of the hub. */
export interface HubCore {
  readonly deps: VideoHubDeps;
  sendKiosk(conn: KioskConnection, frame: PlatformToKioskVideoMessage): void;
  sendAgent(conn: AgentConnection, frame: PlatformToAgentVideoMessage): void;
  /** To the other side of a call, wherever its socket is. */
  relay(callId: string, to: 'kiosk', frame: PlatformToKioskVideoMessage): Promise<void>;
  relay(callId: string, to: 'agent', frame: PlatformToAgentVideoMessage): Promise<void>;
  holdKiosk(conn: KioskConnection, callId: string): void;
  holdAgentCall(conn: AgentConnection, callId: string): void;
  /** Ends the call once (false: it had ended already), closes its help request, tells both sides. */
  finish(callId: string, reason: CallEndReason, note?: string | null): Promise<boolean>;
  /** The waiting resident chose a phone callback. */
  callBack(call: CallRow, phone: string): Promise<boolean>;
  queueChanged(): void;
  /** The kiosk's position and the agents who may take its call, as a `queue` frame would say. */
  kioskQueue(
    call: Pick<CallRow, 'callId' | 'stationId' | 'topic'>,
  ): Promise<{ position: number; agentsOnDuty: number }>;
  agentQueueNow(conn: AgentConnection): Promise<void>;
  audit(conn: AgentConnection, action: string, outcome: AuditOutcome, callId: string, detail?: string): Promise<void>;
}

export function createVideoHub(deps: VideoHubDeps): VideoHub {
  const { sql, log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: VIDEO_MAX_FRAME_BYTES });
  const kiosks = new Set<KioskConnection>();
  const agents = new Set<AgentConnection>();
  const kioskByCall = new Map<string, KioskConnection>();
  const agentByCall = new Map<string, AgentConnection>();
  const graceTimers = new Set<NodeJS.Timeout>();
  /** Per call and side: takes run one after another, so frames keep their order. */
  const drains = new Map<string, Promise<void>>();
  let closed = false;

  const send = (ws: WebSocket, frame: unknown): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  const announce = (payload: string): void => {
    sql.notify(VIDEO_CHANNEL, payload).catch((error: unknown) => {
      // This instance still acts on it; the others' poll catches up.
      log('warn', 'video hub cannot notify', { error: String(error) });
      onNotice(payload);
    });
  };

  // ———— delivery ————

  const holder = (callId: string, side: CallSide): WebSocket | undefined =>
    side === 'kiosk' ? kioskByCall.get(callId)?.ws : agentByCall.get(callId)?.ws;

  const deliver = (callId: string, side: CallSide): Promise<void> => {
    if (!holder(callId, side)) return Promise.resolve();
    const key = `${callId} ${side}`;
    const next = (drains.get(key) ?? Promise.resolve())
      .then(async () => {
        const ws = holder(callId, side);
        if (!ws || closed) return;
        for (const frame of await takeRelay(sql, callId, side)) {
          if (side === 'kiosk') {
            const kiosk = kioskByCall.get(callId);
            if (kiosk && frame.startsWith('{"t":"accepted"')) kiosk.status = 'connected';
          }
          if (ws.readyState === ws.OPEN) ws.send(frame);
        }
      })
      .catch((error: unknown) => log('error', 'video relay delivery failed', { callId, side, error: String(error) }))
      .finally(() => {
        if (drains.get(key) === next) drains.delete(key);
      });
    drains.set(key, next);
    return next;
  };

  const endedHere = (callId: string, reason: CallEndReason): void => {
    const kiosk = kioskByCall.get(callId);
    if (kiosk) {
      kioskByCall.delete(callId);
      kiosk.status = 'ended';
      send(kiosk.ws, { t: 'ended', callId, reason } satisfies PlatformToKioskVideoMessage);
      kiosk.ws.close(VIDEO_SOCKET_CLOSE.ended, 'the call ended');
    }
    const agent = agentByCall.get(callId);
    if (agent) {
      agentByCall.delete(callId);
      agent.calls.delete(callId);
      agent.samples.delete(callId);
      // The agent's socket stays open: on duty lasts while it is, and the next call comes on it.
      send(agent.ws, { t: 'ended', callId, reason } satisfies PlatformToAgentVideoMessage);
    }
  };

  // ———— the queue ————

  let queueRun: Promise<void> | null = null;
  let queueAgain = false;

  const pushQueues = async (): Promise<void> => {
    const waitingKiosks = [...kiosks].filter((kiosk) => kiosk.status === 'waiting' && kiosk.callId !== null);
    const dutyAgents = [...agents].filter((agent) => agent.onDuty);
    if (waitingKiosks.length === 0 && dutyAgents.length === 0) return;
    const snapshot = await loadQueueSnapshot(sql, deps.sealer, deps.now(), { withCalls: dutyAgents.length > 0 });
    for (const agent of dutyAgents) {
      const calls = queueOf(snapshot, agent.user, agent.topics);
      const text = JSON.stringify(calls);
      if (text === agent.lastQueue) continue;
      agent.lastQueue = text;
      send(agent.ws, { t: 'queue', calls } satisfies PlatformToAgentVideoMessage);
    }
    for (const kiosk of waitingKiosks) {
      const callId = kiosk.callId ?? '';
      if (!snapshot.waiting.some((call) => call.callId === callId)) continue;
      const frame = {
        t: 'queue',
        position: positionOf(snapshot, callId),
        agentsOnDuty: agentsFor(snapshot, kiosk.terminal.stationId, kiosk.topic),
      } as const;
      const text = JSON.stringify(frame);
      if (text === kiosk.lastQueue) continue;
      kiosk.lastQueue = text;
      send(kiosk.ws, frame);
    }
  };

  const scheduleQueues = (): void => {
    if (closed) return;
    if (queueRun) {
      queueAgain = true;
      return;
    }
    queueRun = (async () => {
      do {
        queueAgain = false;
        await pushQueues();
      } while (queueAgain && !closed);
    })()
      .catch((error: unknown) => log('error', 'video queue push failed', { error: String(error) }))
      .finally(() => {
        queueRun = null;
      });
  };

  // ———— notifications ————

  /** Payloads: `relay <callId> <side>`, `ended <callId> <reason>`, `queue`. */
  function onNotice(payload: string): void {
    const [kind, callId, extra] = payload.split(' ');
    if (kind === 'relay' && callId && (extra === 'kiosk' || extra === 'agent')) void deliver(callId, extra);
    else if (kind === 'ended' && callId && extra) endedHere(callId, extra as CallEndReason);
    else if (kind === 'queue') scheduleQueues();
  }

  const listening = sql.listen(VIDEO_CHANNEL, onNotice).catch((error: unknown) => {
    log('warn', 'video hub cannot listen; relying on its poll', { error: String(error) });
    return undefined;
  });

  // ———— the core the frame handlers use ————

  const core: HubCore = {
    deps,
    sendKiosk: (conn, frame) => send(conn.ws, frame),
    sendAgent: (conn, frame) => send(conn.ws, frame),
    relay: async (callId: string, to: CallSide, frame: unknown) => {
      await putRelay(sql, callId, to, JSON.stringify(frame), deps.now());
      announce(`relay ${callId} ${to}`);
    },
    holdKiosk: (conn, callId) => {
      conn.callId = callId;
      kioskByCall.set(callId, conn);
    },
    holdAgentCall: (conn, callId) => {
      conn.calls.add(callId);
      agentByCall.set(callId, conn);
    },
    finish: async (callId, reason, note = null) => {
      const ended = await sql.transaction(async (tx) => {
        const call = await findCall(tx, callId);
        if (!call || !(await endCall(tx, callId, reason, deps.now()))) return false;
        await dropRelayOfCall(tx, callId);
        await closeRequestAfterCall(tx, deps.sealer, call, reason, note, deps.now());
        return true;
      });
      if (ended) {
        announce(`ended ${callId} ${reason}`);
        announce('queue');
      }
      return ended;
    },
    callBack: async (call, phone) => {
      const ended = await sql.transaction(async (tx) => {
        if (!(await endCall(tx, call.callId, 'calledBack', deps.now()))) return false;
        await dropRelayOfCall(tx, call.callId);
        await convertToCallback(tx, deps.sealer, call, phone, deps.now());
        return true;
      });
      if (ended) {
        announce(`ended ${call.callId} calledBack`);
        announce('queue');
      }
      return ended;
    },
    queueChanged: () => announce('queue'),
    kioskQueue: async (call) => {
      const snapshot = await loadQueueSnapshot(sql, deps.sealer, deps.now(), { withCalls: false });
      return {
        position: positionOf(snapshot, call.callId),
        agentsOnDuty: agentsFor(snapshot, call.stationId, call.topic),
      };
    },
    agentQueueNow: async (conn) => {
      const snapshot = await loadQueueSnapshot(sql, deps.sealer, deps.now());
      const calls = queueOf(snapshot, conn.user, conn.topics);
      conn.lastQueue = JSON.stringify(calls);
      send(conn.ws, { t: 'queue', calls } satisfies PlatformToAgentVideoMessage);
    },
    audit: (conn, action, outcome, callId, detail) =>
      writeAudit(sql, {
        at: deps.now(),
        actor: conn.user,
        action,
        target: `callId=${callId}`,
        outcome,
        ip: conn.ip,
        detail: detail ?? null,
      }),
  };

  // ———— sockets ————

  const afterGrace = (callId: string): void => {
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      // A side that came back would hold the call again; reconnecting is not offered yet, so end it.
      if (kioskByCall.has(callId) && agentByCall.has(callId)) return;
      core
        .finish(callId, 'connectionLost')
        .catch((error: unknown) => log('error', 'video call end failed', { callId, error: String(error) }));
    }, deps.settings.reconnectGraceMs);
    graceTimers.add(timer);
  };

  const serveFrames = (ws: WebSocket, handle: (text: string) => Promise<void>, onClose: () => void): void => {
    const budget = new FrameBudget();
    let chain = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      if (!budget.take()) {
        ws.close(VIDEO_SOCKET_CLOSE.invalid, 'too many frames');
        return;
      }
      const text = isBinary
        ? ''
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(data as Buffer[]).toString('utf8');
      // One frame at a time per socket: a signal must not overtake the accept before it.
      chain = chain
        .then(() => handle(text))
        .catch((error: unknown) => log('error', 'video frame failed', { error: String(error) }));
    });
    ws.on('close', () => {
      void chain.then(onClose);
    });
    ws.on('error', (error) => log('warn', 'video socket error', { error: String(error) }));
  };

  const openKiosk = (ws: WebSocket, terminal: TerminalIdentity): void => {
    const conn: KioskConnection = {
      side: 'kiosk',
      ws,
      terminal,
      callId: null,
      topic: null,
      status: 'idle',
      consentPersonalValues: false,
      lastQueue: '',
      samples: 0,
    };
    kiosks.add(conn);
    serveFrames(
      ws,
      (text) => handleKioskFrame(core, conn, text),
      () => {
        kiosks.delete(conn);
        const callId = conn.callId;
        if (callId === null || conn.status === 'ended' || closed) return;
        kioskByCall.delete(callId);
        afterGrace(callId);
      },
    );
  };

  const openAgent = (ws: WebSocket, user: ConsoleUser, sessionToken: string, ip: string): void => {
    const userRowId = rowIdOf(user.userId);
    if (userRowId === undefined) throw new Error(`a signed-in user without a row id: ${user.userId}`);
    const conn: AgentConnection = {
      side: 'agent',
      ws,
      user,
      userRowId,
      sessionToken,
      ip,
      onDuty: false,
      topics: [],
      calls: new Set(),
      samples: new Map(),
      lastQueue: '',
    };
    agents.add(conn);
    serveFrames(
      ws,
      (text) => handleAgentFrame(core, conn, text),
      () => {
        agents.delete(conn);
        if (closed) return;
        for (const callId of conn.calls) {
          agentByCall.delete(callId);
          afterGrace(callId);
        }
        const stillHere = [...agents].some((other) => other.userRowId === conn.userRowId && other.onDuty);
        if (conn.onDuty && !stillHere)
          setDuty(sql, conn.userRowId, false, conn.topics, deps.now())
            .then(() => announce('queue'))
            .catch((error: unknown) => log('error', 'video duty off failed', { error: String(error) }));
      },
    );
  };

  const refuseSocket = (ws: WebSocket, refusal: SocketRefusal): void => {
    ws.close(refusal.code, refusal.reason);
  };

  // ———— the poll ————

  let lastSeenRefresh = 0;
  const poll = async (): Promise<void> => {
    const held = [...new Set([...kioskByCall.keys(), ...agentByCall.keys()])];
    if (held.length > 0) {
      const rows = await sql.all<{ call_id: string; status: string; end_reason: CallEndReason | null }>(
        `SELECT call_id, status, end_reason FROM video_calls WHERE call_id IN (${held.map(() => '?').join(', ')})`,
        held,
      );
      for (const row of rows) {
        if (row.status === 'ended') endedHere(row.call_id, row.end_reason ?? 'connectionLost');
        else {
          await deliver(row.call_id, 'kiosk');
          await deliver(row.call_id, 'agent');
        }
      }
    }
    const now = deps.now();
    const cutoff = new Date(now.getTime() - deps.settings.answerWithinMs);
    for (const call of await callsWaitingSince(sql, cutoff)) await core.finish(call.callId, 'noAnswer');
    if (Date.now() - lastSeenRefresh >= SEEN_REFRESH_MS) {
      lastSeenRefresh = Date.now();
      await refreshAgents(now);
    }
    scheduleQueues();
  };

  /** On duty stays fresh while the socket is open and its session alive; an ended session closes it. */
  const refreshAgents = async (now: Date): Promise<void> => {
    const alive: number[] = [];
    for (const agent of agents) {
      const session = await touchSession(sql, agent.sessionToken, deps.sessionPolicy, now);
      if (!session) agent.ws.close(VIDEO_SOCKET_CLOSE.unauthorised, 'the session has ended');
      else if (agent.onDuty) alive.push(agent.userRowId);
    }
    await refreshSeen(sql, alive, now);
  };

  let polling: Promise<void> | null = null;
  const pollTimer = setInterval(() => {
    if (polling || closed) return;
    polling = poll()
      .catch((error: unknown) => log('error', 'video poll failed', { error: String(error) }))
      .finally(() => {
        polling = null;
      });
  }, deps.pollMs ?? 1_000);
  pollTimer.unref();

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://platform').pathname;
      if (path !== VIDEO_HELP_KIOSK_SOCKET_PATH && path !== VIDEO_HELP_AGENT_SOCKET_PATH) return false;
      if (closed) {
        socket.destroy();
        return true;
      }
      const kiosk = path === VIDEO_HELP_KIOSK_SOCKET_PATH;
      const ip = req.socket.remoteAddress ?? 'unknown';
      const authenticated = kiosk
        ? authenticateKiosk(sql, req).then((result) => ({ kiosk: true as const, result }))
        : authenticateAgent(sql, req, {
            sessionPolicy: deps.sessionPolicy,
            trustProxy: deps.trustProxy,
            now: deps.now(),
          }).then((result) => ({ kiosk: false as const, result }));
      authenticated
        .then((outcome) => {
          wss.handleUpgrade(req, socket, head, (ws) => {
            if (!outcome.result.ok) return refuseSocket(ws, outcome.result.error);
            if (outcome.kiosk) openKiosk(ws, outcome.result.value);
            else openAgent(ws, outcome.result.value.user, outcome.result.value.sessionToken, ip);
          });
        })
        .catch((error: unknown) => {
          log('error', 'video socket authentication failed', { error: String(error) });
          socket.destroy();
        });
      return true;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(pollTimer);
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
      await polling;
      await queueRun;
      await Promise.all([...drains.values()]);
      const onDuty = [...agents].filter((agent) => agent.onDuty);
      for (const agent of onDuty)
        await setDuty(sql, agent.userRowId, false, agent.topics, deps.now()).catch(() => undefined);
      for (const client of wss.clients) {
        client.close(1001, 'the platform is stopping');
        // A peer that does not answer the close handshake must not hold the shutdown.
        setTimeout(() => client.terminate(), 500).unref();
      }
      await (await listening)?.().catch(() => undefined);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

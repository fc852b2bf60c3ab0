import type { ConsoleRole, ConsoleUser } from '../../contract/console/users';
import type { QueuedVideoCall } from '../../contract/video-help';
import type { SqlQueries } from '../db/sql';
import { userIdOf, findUserById } from '../console/users-store';
import { maySeeStation, stationDirectory, stationName, type StationDirectory } from '../fleet/stations';
import type { PlatformSealer } from '../sealing/sealer';
import { openAssistanceBody } from '../store/assistance-requests';
import { currentCatalog } from '../store/published';
import { onDutyAgents, takesTopic } from './agents-store';
import { waitingCalls, type CallRow } from './calls-store';

/**
 * The queue as everyone sees it at one moment: the waiting calls (oldest first), the agents on
 * duty, and who may take what. Built once per change on each instance and read for every socket
 * it holds, so a change costs one read of the queue whatever the number of sockets.
 *
 * Who may take a call: a role that takes calls (VIDEO_AGENT_ROLES), a scope that sees the
 * call's station (fleet/stations.ts maySeeStation: county, township or the station itself), and
 * the call's topic among the agent's topics (none chosen: every topic).
 */

export const VIDEO_AGENT_ROLES: readonly ConsoleRole[] = ['countyAdmin', 'townshipAdmin', 'stationStaff'];
export const GENERAL_TOPIC_NAME = '综合咨询';

export interface AgentOnDuty {
  readonly user: ConsoleUser;
  readonly topics: readonly string[];
}

export interface QueueSnapshot {
  readonly waiting: readonly CallRow[];
  readonly queued: ReadonlyMap<string, QueuedVideoCall>;
  readonly agents: readonly AgentOnDuty[];
  readonly directory: StationDirectory;
}

export function mayTake(
  user: ConsoleUser,
  topics: readonly string[],
  directory: StationDirectory,
  call: Pick<CallRow, 'stationId' | 'topic'>,
): boolean {
  return (
    VIDEO_AGENT_ROLES.includes(user.role) &&
    !user.disabled &&
    maySeeStation(user, directory.stations.get(call.stationId), call.stationId) &&
    takesTopic(topics, call.topic)
  );
}

export async function topicNames(db: SqlQueries): Promise<ReadonlyMap<string, string>> {
  const catalog = await currentCatalog(db);
  return new Map([['general', GENERAL_TOPIC_NAME], ...(catalog?.themes ?? []).map((t) => [t.id, t.name] as const)]);
}

export async function queuedCallOf(
  db: SqlQueries,
  sealer: PlatformSealer,
  call: CallRow,
  directory: StationDirectory,
  topics: ReadonlyMap<string, string>,
): Promise<QueuedVideoCall> {
  const body = await openAssistanceBody(db, sealer, call.requestId);
  return {
    callId: call.callId,
    requestId: call.requestId,
    stationId: call.stationId,
    stationName: stationName(directory, call.stationId).slice(0, 64),
    terminalId: call.terminalId,
    topic: call.topic,
    topicName: (topics.get(call.topic) ?? call.topic).slice(0, 64),
    matter: body.matter,
    elderMode: call.elderMode,
    requestedAt: call.requestedAt,
  };
}

/** `withCalls: false` skips opening each waiting call's request (availability needs only counts). */
export async function loadQueueSnapshot(
  db: SqlQueries,
  sealer: PlatformSealer,
  now: Date,
  options: { readonly withCalls: boolean } = { withCalls: true },
): Promise<QueueSnapshot> {
  const [waiting, directory, onDuty, topics] = await Promise.all([
    waitingCalls(db),
    stationDirectory(db),
    onDutyAgents(db, now),
    topicNames(db),
  ]);
  const queued = new Map<string, QueuedVideoCall>();
  if (options.withCalls)
    for (const call of waiting) queued.set(call.callId, await queuedCallOf(db, sealer, call, directory, topics));
  const agents: AgentOnDuty[] = [];
  for (const agent of onDuty) {
    const stored = await findUserById(db, userIdOf(agent.userRowId));
    if (stored) agents.push({ user: stored.user, topics: agent.topics });
  }
  return { waiting, queued, agents, directory };
}

/** The calls this agent may take, oldest first. */
export function queueOf(snapshot: QueueSnapshot, user: ConsoleUser, topics: readonly string[]): QueuedVideoCall[] {
  return snapshot.waiting
    .filter((call) => mayTake(user, topics, snapshot.directory, call))
    .flatMap((call) => snapshot.queued.get(call.callId) ?? []);
}

/** Agents on duty who may take a call of this station and topic (any topic when `topic` is null). */
export function agentsFor(snapshot: QueueSnapshot, stationId: string, topic: string | null): number {
  return snapshot.agents.filter((agent) =>
    mayTake(agent.user, topic === null ? [] : agent.topics, snapshot.directory, { stationId, topic: topic ?? '' }),
  ).length;
}

/** 1 = next: the waiting calls before it that the same agents could take are not known, so all count. */
export function positionOf(snapshot: QueueSnapshot, callId: string): number {
  const index = snapshot.waiting.findIndex((call) => call.callId === callId);
  return index < 0 ? 1 : index + 1;
}

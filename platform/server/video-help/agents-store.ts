import { z } from 'zod';
import { HelpTopic } from '../../contract/video-help';
import type { SqlQueries } from '../db/sql';

/**
 * video_agents (migration 0011): who is on duty for which topics. On duty lasts while the agent's
 * socket is open; the instance holding it refreshes seen_at (every SEEN_REFRESH_MS), so the row
 * of an agent whose instance died goes stale after STALE_AFTER_MS instead of counting forever.
 */

export const SEEN_REFRESH_MS = 20_000;
export const STALE_AFTER_MS = 60_000;

export interface OnDutyAgent {
  readonly userRowId: number;
  /** Empty: every topic. */
  readonly topics: readonly string[];
}

const Topics = z.array(HelpTopic);

export async function setDuty(
  db: SqlQueries,
  userRowId: number,
  onDuty: boolean,
  topics: readonly string[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db.run(
    `INSERT INTO video_agents (user_id, on_duty, topics, since, seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET on_duty = excluded.on_duty, topics = excluded.topics,
       since = excluded.since, seen_at = excluded.seen_at`,
    [userRowId, onDuty ? 1 : 0, JSON.stringify(topics), at, at],
  );
}

/** The agents whose sockets this instance holds are still there. */
export async function refreshSeen(db: SqlQueries, userRowIds: readonly number[], now: Date): Promise<void> {
  if (userRowIds.length === 0) return;
  await db.run(
    `UPDATE video_agents SET seen_at = ? WHERE on_duty = 1 AND user_id IN (${userRowIds.map(() => '?').join(', ')})`,
    [now.toISOString(), ...userRowIds],
  );
}

/** On duty and seen within STALE_AFTER_MS. */
export async function onDutyAgents(db: SqlQueries, now: Date): Promise<OnDutyAgent[]> {
  const rows = await db.all<{ user_id: number; topics: string }>(
    'SELECT user_id, CAST(topics AS TEXT) AS topics FROM video_agents WHERE on_duty = 1 AND seen_at > ?',
    [new Date(now.getTime() - STALE_AFTER_MS).toISOString()],
  );
  return rows.map((row) => {
    const topics = Topics.safeParse(JSON.parse(row.topics));
    return { userRowId: row.user_id, topics: topics.success ? topics.data : [] };
  });
}

export const takesTopic = (topics: readonly string[], topic: string): boolean =>
  topics.length === 0 || topics.includes(topic);

import {
  VIDEO_ANSWER_TARGET_SECONDS,
  type VideoCallDay,
  type VideoCallFigures,
} from '../../contract/console/statistics-views';
import type { SqlQueries, SqlValue } from '../db/sql';
import { callDurationsOf, callDurationsSql, NO_CALL_DURATIONS, type CallDurationRow } from './call-durations';
import { secondsBetween } from './durations';

/**
 * 视频帮办 figures (VideoCallFigures) per group of video_calls rows (migration 0011): per station,
 * per topic, or for all the selected calls ('*'). The same SQL serves every grouping, so a
 * station's row, a topic's row and the total cannot be computed two ways; the statistics pages
 * and the kiosk page (fleet/console/kiosk-video-calls.ts) select calls differently and share it.
 * Aggregations only; the calls are never loaded row by row.
 *
 * The wait of an answered call is wait_ms as the signalling recorded it, or accepted_at less
 * requested_at where it did not. Written for both engines (docs/county-scale.md).
 */

/** Which calls: a condition on the alias `v` (video_calls) and its named parameters. */
export interface CallSelection {
  readonly where: string;
  readonly params: Readonly<Record<string, SqlValue>>;
}

export type CallGrouping = 'total' | 'station' | 'topic';

export const ALL_CALLS = '*';

const GROUP_EXPR: Record<CallGrouping, string> = {
  total: `'${ALL_CALLS}'`,
  station: 'v.station_id',
  topic: 'v.topic',
};

export function emptyVideoCallFigures(): VideoCallFigures {
  return {
    requested: 0,
    answered: 0,
    answeredInTarget: 0,
    answeredInTargetRate: null,
    cancelled: 0,
    noAnswer: 0,
    calledBack: 0,
    wait: NO_CALL_DURATIONS,
    talk: NO_CALL_DURATIONS,
    setup: NO_CALL_DURATIONS,
    audioOnlyRate: null,
    qualityMeasured: 0,
    averagePacketLossPct: null,
    averageRttMs: null,
    averageKioskInboundKbps: null,
    averageAgentInboundKbps: null,
    relayedRate: null,
  };
}

interface CountsRow {
  readonly g: string;
  readonly requested: number;
  readonly answered: number;
  readonly inTarget: number;
  readonly cancelled: number;
  readonly noAnswer: number;
  readonly calledBack: number;
  readonly audioOnly: number;
  readonly qualityMeasured: number;
  readonly loss: number | null;
  readonly rtt: number | null;
  readonly kioskKbps: number | null;
  readonly agentKbps: number | null;
  readonly candidates: number;
  readonly relayed: number;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Seconds from request to answer of an answered call, in SQL. */
function waitSeconds(db: SqlQueries): string {
  return `coalesce(v.wait_ms / 1000.0, ${secondsBetween(db.engine, 'v.requested_at', 'v.accepted_at')})`;
}

/** VideoCallFigures by group key (station id, topic, or ALL_CALLS); 'total' always has its key. */
export async function videoCallFigures(
  db: SqlQueries,
  selection: CallSelection,
  grouping: CallGrouping,
): Promise<Map<string, VideoCallFigures>> {
  const g = GROUP_EXPR[grouping];
  const figures = new Map<string, VideoCallFigures>();
  const of = (key: string): VideoCallFigures => {
    let found = figures.get(key);
    if (!found) {
      found = emptyVideoCallFigures();
      figures.set(key, found);
    }
    return found;
  };

  const counts = await db.all<CountsRow>(
    `SELECT ${g} AS g, count(*) AS requested, count(v.accepted_at) AS answered,
       count(CASE WHEN v.accepted_at IS NOT NULL AND ${waitSeconds(db)} <= ${VIDEO_ANSWER_TARGET_SECONDS} THEN 1 END)
         AS "inTarget",
       count(CASE WHEN v.end_reason = 'cancelled' THEN 1 END) AS cancelled,
       count(CASE WHEN v.end_reason = 'noAnswer' THEN 1 END) AS "noAnswer",
       count(CASE WHEN v.end_reason = 'calledBack' THEN 1 END) AS "calledBack",
       count(CASE WHEN v.accepted_at IS NOT NULL AND v.audio_only = 1 THEN 1 END) AS "audioOnly",
       count(CASE WHEN v.quality_samples > 0 THEN 1 END) AS "qualityMeasured",
       avg(CASE WHEN v.quality_samples > 0 THEN v.packet_loss_pct END) AS loss,
       avg(CASE WHEN v.quality_samples > 0 THEN v.rtt_ms END) AS rtt,
       avg(CASE WHEN v.quality_samples > 0 THEN v.kiosk_inbound_kbps END) AS "kioskKbps",
       avg(CASE WHEN v.quality_samples > 0 THEN v.agent_inbound_kbps END) AS "agentKbps",
       count(v.candidate_type) AS candidates,
       count(CASE WHEN v.candidate_type = 'relay' THEN 1 END) AS relayed
     FROM video_calls v WHERE ${selection.where} GROUP BY g`,
    selection.params,
  );
  for (const row of counts) {
    const entry = of(String(row.g));
    const answered = Number(row.answered);
    entry.requested = Number(row.requested);
    entry.answered = answered;
    entry.answeredInTarget = Number(row.inTarget);
    entry.answeredInTargetRate = share(entry.answeredInTarget, entry.requested);
    entry.cancelled = Number(row.cancelled);
    entry.noAnswer = Number(row.noAnswer);
    entry.calledBack = Number(row.calledBack);
    entry.audioOnlyRate = share(Number(row.audioOnly), answered);
    entry.qualityMeasured = Number(row.qualityMeasured);
    entry.averagePacketLossPct = numberOrNull(row.loss);
    entry.averageRttMs = numberOrNull(row.rtt);
    entry.averageKioskInboundKbps = numberOrNull(row.kioskKbps);
    entry.averageAgentInboundKbps = numberOrNull(row.agentKbps);
    entry.relayedRate = share(Number(row.relayed), Number(row.candidates));
  }

  const durations = (value: string, condition: string) =>
    db.all<CallDurationRow>(
      callDurationsSql(`SELECT ${g} AS g, ${value} AS value FROM video_calls v
        WHERE ${selection.where} AND ${condition}`),
      selection.params,
    );
  for (const row of await durations(waitSeconds(db), 'v.accepted_at IS NOT NULL'))
    of(String(row.g)).wait = callDurationsOf(row);
  for (const row of await durations('v.talk_ms / 1000.0', 'v.accepted_at IS NOT NULL AND v.talk_ms IS NOT NULL'))
    of(String(row.g)).talk = callDurationsOf(row);
  for (const row of await durations('v.setup_ms / 1000.0', 'v.setup_ms IS NOT NULL'))
    of(String(row.g)).setup = callDurationsOf(row);

  if (grouping === 'total') of(ALL_CALLS);
  return figures;
}

/** Calls requested and answered per day of the selection, for days from `from` to `to`. */
export async function videoCallDays(
  db: SqlQueries,
  selection: CallSelection,
  days: readonly string[],
): Promise<VideoCallDay[]> {
  const perDay = new Map(
    (
      await db.all<{ day: string; requested: number; answered: number }>(
        `SELECT v.day AS day, count(*) AS requested, count(v.accepted_at) AS answered
         FROM video_calls v WHERE ${selection.where} GROUP BY v.day`,
        selection.params,
      )
    ).map((row) => [row.day, row]),
  );
  return days.map((day) => ({
    day,
    requested: Number(perDay.get(day)?.requested ?? 0),
    answered: Number(perDay.get(day)?.answered ?? 0),
  }));
}

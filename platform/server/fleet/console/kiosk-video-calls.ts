import {
  KIOSK_VIDEO_CALL_DAYS,
  VIDEO_QUALITY_LIMITS,
  type KioskVideoCall,
  type KioskVideoCalls,
} from '../../../contract/console/fleet-views';
import type { CallEndReason } from '../../../contract/video-help';
import type { SqlQueries } from '../../db/sql';
import {
  ALL_CALLS,
  emptyVideoCallFigures,
  videoCallFigures,
  type CallSelection,
} from '../../statistics/video-call-figures';

/**
 * A kiosk's 视频帮办 calls of the last 30 days for the kiosk page (KioskVideoCalls): how many, how
 * many answered, the median wait, the call quality averaged per call, and the last call's quality.
 * The figures are the statistics pages' (statistics/video-call-figures.ts) over this kiosk's calls
 * requested since then, read through the video_calls_by_terminal index. Averages above
 * VIDEO_QUALITY_LIMITS become warnings for technicians (the kiosk's network, not an alarm).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

interface LastCallRow {
  readonly callId: string;
  readonly requestedAt: string;
  readonly acceptedAt: string | null;
  readonly status: KioskVideoCall['status'];
  readonly endReason: CallEndReason | null;
  readonly qualitySamples: number;
  readonly loss: number | null;
  readonly rtt: number | null;
  readonly kioskKbps: number | null;
  readonly agentKbps: number | null;
  readonly audioOnly: number;
  readonly candidateType: string | null;
}

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

export async function kioskVideoCalls(db: SqlQueries, terminalId: string, now: Date): Promise<KioskVideoCalls> {
  const since = new Date(now.getTime() - KIOSK_VIDEO_CALL_DAYS * DAY_MS).toISOString();
  const selection: CallSelection = {
    where: 'v.terminal_id = :terminal AND v.requested_at >= :since',
    params: { terminal: terminalId, since },
  };
  const figures = (await videoCallFigures(db, selection, 'total')).get(ALL_CALLS) ?? emptyVideoCallFigures();
  const last = await db.get<LastCallRow>(
    `SELECT v.call_id AS "callId", v.requested_at AS "requestedAt", v.accepted_at AS "acceptedAt", v.status AS status,
       v.end_reason AS "endReason", v.quality_samples AS "qualitySamples", v.packet_loss_pct AS loss, v.rtt_ms AS rtt,
       v.kiosk_inbound_kbps AS "kioskKbps", v.agent_inbound_kbps AS "agentKbps", v.audio_only AS "audioOnly",
       v.candidate_type AS "candidateType"
     FROM video_calls v WHERE ${selection.where}
     ORDER BY v.requested_at DESC, v.call_id DESC LIMIT 1`,
    selection.params,
  );

  const warnings: KioskVideoCalls['warnings'] = [];
  if ((figures.averagePacketLossPct ?? 0) > VIDEO_QUALITY_LIMITS.packetLossPct) warnings.push('packetLoss');
  if ((figures.averageRttMs ?? 0) > VIDEO_QUALITY_LIMITS.rttMs) warnings.push('rtt');

  return {
    since,
    calls: figures.requested,
    answered: figures.answered,
    answeredRate: figures.requested > 0 ? figures.answered / figures.requested : null,
    medianWaitSeconds: figures.wait.medianSeconds,
    qualityMeasured: figures.qualityMeasured,
    averagePacketLossPct: figures.averagePacketLossPct,
    averageRttMs: figures.averageRttMs,
    relayedRate: figures.relayedRate,
    lastCall: last ? lastCall(last) : null,
    warnings,
  };
}

function lastCall(row: LastCallRow): KioskVideoCall {
  const measured = Number(row.qualitySamples) > 0;
  return {
    callId: row.callId,
    requestedAt: row.requestedAt,
    answered: row.acceptedAt !== null,
    status: row.status,
    endReason: row.endReason,
    qualitySamples: Number(row.qualitySamples),
    packetLossPct: measured ? numberOrNull(row.loss) : null,
    rttMs: measured ? numberOrNull(row.rtt) : null,
    kioskInboundKbps: measured ? numberOrNull(row.kioskKbps) : null,
    agentInboundKbps: measured ? numberOrNull(row.agentKbps) : null,
    audioOnly: Number(row.audioOnly) === 1,
    relayed: row.candidateType === null ? null : row.candidateType === 'relay',
  };
}

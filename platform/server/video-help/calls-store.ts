import type { AssistanceRequest } from '../../contract/assistance';
import type { CallEndReason, CallQualitySample, KioskVideoRequest, VideoConsent } from '../../contract/video-help';
import type { SqlQueries } from '../db/sql';
import type { PlatformSealer } from '../sealing/sealer';
import { recordAssistanceRequest } from '../store/assistance-requests';
import { dailyId, nextDaySequence } from '../store/day-sequence';
import type { TerminalIdentity } from '../store/terminals';
import { chinaDay, compactChinaDay } from '../time';

/**
 * video_calls (migration 0011): one row per 视频帮办 call, from the kiosk's request to its end.
 * Every change of status is one UPDATE whose WHERE states what the change needs, so on two
 * instances exactly one agent's accept wins and a call ends once (docs/county-scale.md).
 * Nothing here stores media or the resident's screen state.
 */

export type CallStatus = 'waiting' | 'connected' | 'ended';

export interface CallRow {
  readonly callId: string;
  readonly requestId: string;
  readonly stationId: string;
  readonly terminalId: string;
  readonly topic: string;
  readonly elderMode: boolean;
  readonly status: CallStatus;
  readonly endReason: CallEndReason | null;
  readonly requestedAt: string;
  readonly acceptedAt: string | null;
  readonly agentUserId: number | null;
  readonly consent: VideoConsent;
  readonly recorded: boolean;
}

interface RawCall {
  callId: string;
  requestId: string;
  stationId: string;
  terminalId: string;
  topic: string;
  elderMode: number;
  status: CallStatus;
  endReason: CallEndReason | null;
  requestedAt: string;
  acceptedAt: string | null;
  agentUserId: number | null;
  personalValues: number;
  documentCamera: number;
  recordingConsentedAt: string | null;
  recorded: number;
}

const COLUMNS = `call_id AS "callId", request_id AS "requestId", station_id AS "stationId",
  terminal_id AS "terminalId", topic, elder_mode AS "elderMode", status, end_reason AS "endReason",
  requested_at AS "requestedAt", accepted_at AS "acceptedAt", agent_user_id AS "agentUserId",
  consent_personal_values AS "personalValues", consent_document_camera AS "documentCamera",
  recording_consented_at AS "recordingConsentedAt", recorded`;

const fromRaw = (row: RawCall): CallRow => ({
  callId: row.callId,
  requestId: row.requestId,
  stationId: row.stationId,
  terminalId: row.terminalId,
  topic: row.topic,
  elderMode: row.elderMode === 1,
  status: row.status,
  endReason: row.endReason,
  requestedAt: row.requestedAt,
  acceptedAt: row.acceptedAt,
  agentUserId: row.agentUserId,
  consent: {
    personalValues: row.personalValues === 1,
    documentCamera: row.documentCamera === 1,
    recording: row.recordingConsentedAt !== null,
  },
  recorded: row.recorded === 1,
});

export async function findCall(db: SqlQueries, callId: string): Promise<CallRow | undefined> {
  const row = await db.get<RawCall>(`SELECT ${COLUMNS} FROM video_calls WHERE call_id = ?`, [callId]);
  return row && fromRaw(row);
}

/** A terminal has at most one call that has not ended (one kiosk, one resident at a time). */
export async function openCallOfTerminal(db: SqlQueries, terminalId: string): Promise<CallRow | undefined> {
  const row = await db.get<RawCall>(
    `SELECT ${COLUMNS} FROM video_calls WHERE terminal_id = ? AND status <> 'ended' ORDER BY requested_at LIMIT 1`,
    [terminalId],
  );
  return row && fromRaw(row);
}

/** Waiting calls, oldest first (the queue's order). */
export async function waitingCalls(db: SqlQueries): Promise<CallRow[]> {
  const rows = await db.all<RawCall>(
    `SELECT ${COLUMNS} FROM video_calls WHERE status = 'waiting' ORDER BY requested_at, call_id`,
  );
  return rows.map(fromRaw);
}

/** Waiting calls requested at or before `before`: those the answer limit has run out for (the poll). */
export async function callsWaitingSince(db: SqlQueries, before: Date): Promise<CallRow[]> {
  const rows = await db.all<RawCall>(
    `SELECT ${COLUMNS} FROM video_calls WHERE status = 'waiting' AND requested_at <= ? ORDER BY requested_at, call_id`,
    [before.toISOString()],
  );
  return rows.map(fromRaw);
}

/**
 * The call and its help request (kind 'video', status received) in one transaction, numbered
 * VC-<day>-<seq>. Consent to recording is stored only where the county records
 * (`recordingPolicy`), as the time it was given.
 */
export async function createCall(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminal: TerminalIdentity,
  request: KioskVideoRequest,
  recordingPolicy: 'off' | 'withConsent',
  now: Date,
): Promise<CallRow> {
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    const helpRequest: AssistanceRequest = {
      kind: 'video',
      stationId: terminal.stationId,
      ...(request.requesterName === undefined ? {} : { requesterName: request.requesterName }),
      matter: request.matter,
      caseNo: null,
      needs: request.elderMode ? ['elderly'] : [],
      requestedAt: at,
      offline: false,
      topic: request.topic,
    };
    const state = await recordAssistanceRequest(tx, sealer, terminal.terminalId, helpRequest, now);
    const day = chinaDay(now);
    const seq = await nextDaySequence(tx, 'video_calls', day);
    const callId = dailyId('VC', compactChinaDay(now), seq);
    const recordingConsent = recordingPolicy === 'withConsent' && request.consent.recording;
    await tx.run(
      `INSERT INTO video_calls (call_id, day, seq, request_id, station_id, terminal_id, topic, elder_mode, status,
         requested_at, consent_personal_values, consent_document_camera, recording_consented_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
      [
        callId,
        day,
        seq,
        state.requestId,
        terminal.stationId,
        terminal.terminalId,
        request.topic,
        request.elderMode ? 1 : 0,
        at,
        request.consent.personalValues ? 1 : 0,
        request.consent.documentCamera ? 1 : 0,
        recordingConsent ? at : null,
      ],
    );
    const row = await findCall(tx, callId);
    if (!row) throw new Error(`${callId} vanished in the transaction that stored it`);
    return row;
  });
}

/** waiting → connected for exactly one agent: the WHERE decides, the row count tells who won. */
export async function acceptCall(db: SqlQueries, callId: string, agentUserId: number, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const requestedAt = await db.get<{ requested_at: string }>('SELECT requested_at FROM video_calls WHERE call_id = ?', [
    callId,
  ]);
  if (!requestedAt) return false;
  const waitMs = Math.max(0, now.getTime() - Date.parse(requestedAt.requested_at));
  const { changes } = await db.run(
    `UPDATE video_calls SET status = 'connected', accepted_at = ?, agent_user_id = ?, wait_ms = ?
     WHERE call_id = ? AND status = 'waiting'`,
    [at, agentUserId, waitMs, callId],
  );
  return changes === 1;
}

/**
 * Ends the call once: false when it had already ended. Wait time for a call nobody took is its
 * whole life; talk time runs from the acceptance.
 */
export async function endCall(db: SqlQueries, callId: string, reason: CallEndReason, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const row = await findCall(db, callId);
  if (!row || row.status === 'ended') return false;
  const sinceRequest = Math.max(0, now.getTime() - Date.parse(row.requestedAt));
  const talkMs = row.acceptedAt === null ? null : Math.max(0, now.getTime() - Date.parse(row.acceptedAt));
  const { changes } = await db.run(
    `UPDATE video_calls SET status = 'ended', end_reason = ?, ended_at = ?, talk_ms = ?,
       wait_ms = coalesce(wait_ms, ?)
     WHERE call_id = ? AND status <> 'ended'`,
    [reason, at, talkMs, sinceRequest, callId],
  );
  return changes === 1;
}

/** The kiosk saw the agent's first frame: set-up time, once. */
export async function recordFirstFrame(db: SqlQueries, callId: string, setupMs: number): Promise<void> {
  await db.run("UPDATE video_calls SET setup_ms = ? WHERE call_id = ? AND setup_ms IS NULL AND status = 'connected'", [
    setupMs,
    callId,
  ]);
}

export async function markAudioOnly(db: SqlQueries, callId: string): Promise<void> {
  await db.run("UPDATE video_calls SET audio_only = 1 WHERE call_id = ? AND status = 'connected'", [callId]);
}

export async function markRecorded(db: SqlQueries, callId: string): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE video_calls SET recorded = 1
     WHERE call_id = ? AND status = 'connected' AND recording_consented_at IS NOT NULL`,
    [callId],
  );
  return changes === 1;
}

/**
 * One side's getStats sample folded into the call's aggregates: loss and round trip as running
 * means over every sample of both sides (quality_samples counts them), the inbound bitrate as the
 * running mean of that side's own samples (`sideCount`: how many that side sent before, which the
 * instance holding its socket counts). Once a side went through TURN the call stays 'relay'.
 */
export async function addQualitySample(
  db: SqlQueries,
  callId: string,
  side: 'kiosk' | 'agent',
  sample: CallQualitySample,
  sideCount: number,
): Promise<void> {
  const kbpsColumn = side === 'kiosk' ? 'kiosk_inbound_kbps' : 'agent_inbound_kbps';
  // Every parameter cast: PostgreSQL cannot infer a type for a parameter beside another one.
  await db.run(
    `UPDATE video_calls SET
       ${kbpsColumn} = (coalesce(${kbpsColumn}, 0) * CAST(:sideCount AS INTEGER) + CAST(:kbps AS DOUBLE PRECISION))
         / (CAST(:sideCount AS INTEGER) + 1),
       packet_loss_pct = (coalesce(packet_loss_pct, 0) * quality_samples + CAST(:loss AS DOUBLE PRECISION))
         / (quality_samples + 1),
       rtt_ms = CASE WHEN CAST(:rtt AS DOUBLE PRECISION) IS NULL THEN rtt_ms
                     WHEN rtt_ms IS NULL THEN CAST(:rtt AS DOUBLE PRECISION)
                     ELSE (rtt_ms * quality_samples + CAST(:rtt AS DOUBLE PRECISION)) / (quality_samples + 1) END,
       candidate_type = CASE WHEN candidate_type = 'relay' THEN 'relay'
                             ELSE coalesce(CAST(:candidate AS TEXT), candidate_type) END,
       audio_only = CASE WHEN CAST(:audioOnly AS INTEGER) = 1 THEN 1 ELSE audio_only END,
       quality_samples = quality_samples + 1
     WHERE call_id = :callId AND status = 'connected'`,
    {
      sideCount,
      kbps: sample.inboundKbps,
      loss: sample.packetLossPct,
      rtt: sample.rttMs,
      candidate: sample.candidateType,
      audioOnly: sample.audioOnly ? 1 : 0,
      callId,
    },
  );
}

import type { AssistanceRequest } from '../../contract/assistance';
import type { CallEndReason } from '../../contract/video-help';
import type { SqlQueries } from '../db/sql';
import { agentLabel } from '../help-requests';
import type { PlatformSealer } from '../sealing/sealer';
import {
  changeAssistanceRequest,
  openAssistanceBody,
  recordAssistanceRequest,
  type StoredAssistanceBody,
} from '../store/assistance-requests';
import type { CallRow } from './calls-store';

/**
 * Every video call is a help request of kind 'video' (migration 0011), so it shows in the
 * station's inbox and its outcome joins the request's history (platform/server/help-requests):
 * assigned to the agent who accepted; on the agent's hang-up a contact (channel 'video', outcome
 * 'resolved', the note) and completed; a call that never connected cancelled; a call that became
 * a phone callback cancelled, with a new 'callback' request in its place.
 */

/** How the closing of a request that never connected reads in the inbox. */
const NOT_CONNECTED: Record<CallEndReason, string> = {
  residentHungUp: '视频帮办未接通：居民挂断',
  agentHungUp: '视频帮办未接通',
  sessionEnded: '视频帮办未接通：居民已结束办理',
  calledBack: '视频帮办转为电话回访',
  cancelled: '视频帮办未接通：居民取消排队',
  noAnswer: '视频帮办未接通：无人接听',
  connectionLost: '视频帮办未接通：连接中断',
  deviceLost: '视频帮办未接通：摄像头或麦克风不可用',
};

export async function assignToAgent(
  db: SqlQueries,
  sealer: PlatformSealer,
  call: CallRow,
  agent: { readonly rowId: number; readonly displayName: string },
  now: Date,
): Promise<void> {
  await changeAssistanceRequest(
    db,
    sealer,
    call.requestId,
    { kind: 'assign', userId: agent.rowId, assigneeName: agentName(agent.displayName) },
    now,
  );
}

/** As the resident hears it (at most 40 characters, the contract's limit). */
export const agentName = (displayName: string): string => agentLabel(displayName.slice(0, 34));

/**
 * The request after the call ended. A call the agent ended: resolved with the note. A call that
 * connected but the kiosk's side ended (hang-up, session end, lost): a 'reached' contact, left open
 * for the agent to close in the inbox. A call that never connected: cancelled.
 */
export async function closeRequestAfterCall(
  db: SqlQueries,
  sealer: PlatformSealer,
  call: CallRow,
  reason: CallEndReason,
  note: string | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (call.agentUserId === null) {
    await changeAssistanceRequest(db, sealer, call.requestId, { kind: 'cancel', reason: NOT_CONNECTED[reason] }, now);
    return;
  }
  const resolved = reason === 'agentHungUp';
  await changeAssistanceRequest(
    db,
    sealer,
    call.requestId,
    {
      kind: 'contact',
      userId: call.agentUserId,
      at,
      channel: 'video',
      outcome: resolved ? 'resolved' : 'reached',
      note: note === null || note === '' ? null : note,
    },
    now,
  );
  if (resolved)
    await changeAssistanceRequest(
      db,
      sealer,
      call.requestId,
      { kind: 'complete', note: note === null || note === '' ? '视频帮办已解决' : note },
      now,
    );
}

/** A waiting resident chose a phone callback: a new callback request (same station, terminal, matter). */
export async function convertToCallback(
  db: SqlQueries,
  sealer: PlatformSealer,
  call: CallRow,
  phone: string,
  now: Date,
): Promise<string> {
  const body: StoredAssistanceBody = await openAssistanceBody(db, sealer, call.requestId);
  const callback: AssistanceRequest = {
    kind: 'callback',
    stationId: call.stationId,
    ...(body.requesterName === undefined ? {} : { requesterName: body.requesterName }),
    matter: body.matter,
    caseNo: body.caseNo,
    needs: body.needs,
    note: '视频帮办排队时改为电话回访',
    requestedAt: now.toISOString(),
    offline: false,
    phone,
    preferredTime: 'anytime',
  };
  const state = await recordAssistanceRequest(db, sealer, call.terminalId, callback, now);
  await changeAssistanceRequest(db, sealer, call.requestId, { kind: 'cancel', reason: NOT_CONNECTED.calledBack }, now);
  return state.requestId;
}

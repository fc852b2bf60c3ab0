import { AgentVideoMessage, VIDEO_SOCKET_CLOSE, type PlatformToAgentVideoMessage } from '../../contract/video-help';
import { stationDirectory } from '../fleet/stations';
import { setDuty } from './agents-store';
import { acceptCall, addQualitySample, findCall, markAudioOnly, markRecorded, type CallRow } from './calls-store';
import { agentName, assignToAgent } from './help-link';
import type { AgentConnection, HubCore } from './hub';
import { icePlanFor } from './ice-plan';
import { mayTake, queuedCallOf, topicNames, VIDEO_AGENT_ROLES } from './queue-snapshot';

/**
 * Frames from an agent's console. The platform decides here: who may go on duty (roles that
 * take calls), who may take which call (scope and topics, queue-snapshot.ts mayTake; one winner),
 * and what an agent may ask of the kiosk (the 高拍仪 only with the resident's consent; recording
 * only where the county records and the resident consented). Each of the agent's actions on a
 * call is written to the console's audit log, without what was said or proposed.
 */

type AgentErrorCode = Extract<PlatformToAgentVideoMessage, { t: 'error' }>['code'];

const error = (code: AgentErrorCode, detail: string, callId?: string): PlatformToAgentVideoMessage => ({
  t: 'error',
  code,
  detail,
  ...(callId === undefined ? {} : { callId }),
});

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function handleAgentFrame(core: HubCore, conn: AgentConnection, text: string): Promise<void> {
  const parsed = AgentVideoMessage.safeParse(parse(text));
  if (!parsed.success) return core.sendAgent(conn, error('invalidMessage', 'not a frame of the agent video protocol'));
  const message = parsed.data;
  const { sql } = core.deps;

  switch (message.t) {
    case 'duty': {
      if (!VIDEO_AGENT_ROLES.includes(conn.user.role)) {
        core.sendAgent(conn, {
          t: 'duty',
          onDuty: false,
          topics: [],
          refused: 'this role does not take video calls',
        });
        conn.ws.close(VIDEO_SOCKET_CLOSE.forbidden, 'this role does not take video calls');
        return;
      }
      conn.onDuty = message.onDuty;
      conn.topics = message.topics;
      await setDuty(sql, conn.userRowId, message.onDuty, message.topics, core.deps.now());
      core.sendAgent(conn, { t: 'duty', onDuty: message.onDuty, topics: message.topics });
      if (message.onDuty) await core.agentQueueNow(conn);
      else conn.lastQueue = '';
      core.queueChanged();
      return;
    }
    case 'accept':
      return accept(core, conn, message.callId);
    default:
      break;
  }

  const callId = message.callId;
  const call = conn.calls.has(callId) ? await findCall(sql, callId) : undefined;
  if (!call || call.status !== 'connected' || call.agentUserId !== conn.userRowId)
    return core.sendAgent(conn, error('notFound', 'no such call of yours in progress', callId));

  switch (message.t) {
    case 'signal':
      return core.relay(callId, 'kiosk', { t: 'signal', signal: message.signal });
    case 'proposal':
      await core.relay(callId, 'kiosk', { t: 'proposal', proposal: message.proposal });
      return core.audit(conn, 'videoCall.proposal', 'ok', callId, message.proposal.action.kind);
    case 'documentCamera':
      if (message.wanted && !call.consent.documentCamera) {
        core.sendAgent(conn, { t: 'documentCamera', callId, sending: false, reason: 'notAllowed' });
        return core.audit(conn, 'videoCall.documentCamera', 'denied', callId, 'no consent');
      }
      await core.relay(callId, 'kiosk', { t: 'documentCamera', wanted: message.wanted });
      return core.audit(conn, 'videoCall.documentCamera', 'ok', callId, message.wanted ? 'wanted' : 'released');
    case 'media':
      if (message.audioOnly) await markAudioOnly(sql, callId);
      return core.relay(callId, 'kiosk', { t: 'media', audioOnly: message.audioOnly });
    case 'recording':
      return recording(core, conn, call, message.on);
    case 'stats': {
      const count = conn.samples.get(callId) ?? 0;
      await addQualitySample(sql, callId, 'agent', message.sample, count);
      conn.samples.set(callId, count + 1);
      return;
    }
    case 'hangUp':
      await core.finish(callId, 'agentHungUp', message.note);
      // The note goes to the help request (sealed), never to the audit log.
      return core.audit(conn, 'videoCall.hungUp', 'ok', callId);
  }
}

async function accept(core: HubCore, conn: AgentConnection, callId: string): Promise<void> {
  const { sql, sealer, settings } = core.deps;
  if (!conn.onDuty) return core.sendAgent(conn, error('notOnDuty', 'go on duty first', callId));
  const call = await findCall(sql, callId);
  const directory = await stationDirectory(sql);
  // A call outside the agent's scope or topics answers as if it did not exist.
  if (!call || !mayTake(conn.user, conn.topics, directory, call)) {
    await core.audit(conn, 'videoCall.accepted', 'denied', callId, 'not in scope');
    return core.sendAgent(conn, error('notFound', 'no such call for you', callId));
  }
  const now = core.deps.now();
  const won = call.status === 'waiting' && (await acceptCall(sql, callId, conn.userRowId, now));
  if (!won) return core.sendAgent(conn, error('taken', 'another agent took this call, or it ended', callId));
  core.holdAgentCall(conn, callId);
  await assignToAgent(sql, sealer, call, { rowId: conn.userRowId, displayName: conn.user.displayName }, now);
  const ice = icePlanFor(settings, callId, now);
  const recordingAllowed = settings.recording === 'withConsent' && call.consent.recording;
  core.sendAgent(conn, {
    t: 'call',
    call: await queuedCallOf(sql, sealer, call, directory, await topicNames(sql)),
    consent: call.consent,
    ice,
    recordingAllowed,
  });
  await core.relay(callId, 'kiosk', {
    t: 'accepted',
    callId,
    agentName: agentName(conn.user.displayName),
    ice,
    recording: recordingAllowed,
  });
  await core.audit(conn, 'videoCall.accepted', 'ok', callId);
  core.queueChanged();
}

async function recording(core: HubCore, conn: AgentConnection, call: CallRow, on: boolean): Promise<void> {
  const { sql, settings } = core.deps;
  const callId = call.callId;
  if (on) {
    const allowed = settings.recording === 'withConsent' && call.consent.recording && (await markRecorded(sql, callId));
    if (!allowed) {
      core.sendAgent(
        conn,
        error('recordingNotAllowed', 'recording needs the county to record and the resident to consent', callId),
      );
      return core.audit(conn, 'videoCall.recording', 'denied', callId, 'no consent or recording off');
    }
  }
  await core.relay(callId, 'kiosk', { t: 'recording', on });
  core.sendAgent(conn, { t: 'recording', callId, on });
  return core.audit(conn, 'videoCall.recording', 'ok', callId, on ? 'on' : 'off');
}

import {
  KioskCallMessage,
  KioskVideoRequest,
  type CoBrowseState,
  type PlatformToKioskVideoMessage,
} from '../../contract/video-help';
import {
  addQualitySample,
  createCall,
  findCall,
  markAudioOnly,
  openCallOfTerminal,
  recordFirstFrame,
} from './calls-store';
import type { HubCore, KioskConnection } from './hub';

/**
 * Frames from the kiosk (kiosk core, for the renderer). The first is `request` (join the queue);
 * the rest belong to that call. What the agent sees of the screen is masked here again: a field
 * marked personal goes with a null value unless the resident allowed personal values, whatever
 * the kiosk sent (it masks too, but the platform does not rely on it).
 */

const error = (code: 'invalidMessage' | 'notAvailable' | 'noCall' | 'tooMany', detail: string) =>
  ({ t: 'error', code, detail }) satisfies PlatformToKioskVideoMessage;

export function maskState(state: CoBrowseState, personalValues: boolean): CoBrowseState {
  if (personalValues) return state;
  return { ...state, fields: state.fields.map((field) => (field.personal ? { ...field, value: null } : field)) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function handleKioskFrame(core: HubCore, conn: KioskConnection, text: string): Promise<void> {
  const raw = parse(text);
  const request = KioskVideoRequest.safeParse(raw);
  if (request.success) {
    if (conn.callId !== null) return core.sendKiosk(conn, error('tooMany', 'this socket already has a call'));
    if (await openCallOfTerminal(core.deps.sql, conn.terminal.terminalId))
      return core.sendKiosk(conn, error('tooMany', 'this kiosk already has a call'));
    const call = await createCall(
      core.deps.sql,
      core.deps.sealer,
      conn.terminal,
      request.data,
      core.deps.settings.recording,
      core.deps.now(),
    );
    conn.topic = call.topic;
    conn.status = 'waiting';
    conn.consentPersonalValues = call.consent.personalValues;
    core.holdKiosk(conn, call.callId);
    const queue = await core.kioskQueue(call);
    conn.lastQueue = JSON.stringify({ t: 'queue', ...queue });
    core.sendKiosk(conn, { t: 'queued', callId: call.callId, requestId: call.requestId, ...queue });
    core.queueChanged();
    return;
  }
  const parsed = KioskCallMessage.safeParse(raw);
  if (!parsed.success) return core.sendKiosk(conn, error('invalidMessage', 'not a frame of the kiosk video protocol'));
  const message = parsed.data;
  const callId = conn.callId;
  if (callId === null || conn.status === 'ended') return core.sendKiosk(conn, error('noCall', 'send a request first'));

  switch (message.t) {
    case 'hangUp':
      await core.finish(callId, message.reason);
      return;
    case 'callback': {
      const call = await findCall(core.deps.sql, callId);
      if (!call || call.status !== 'waiting' || !(await core.callBack(call, message.phone)))
        core.sendKiosk(conn, error('noCall', 'a callback is asked for while waiting'));
      return;
    }
    case 'stats':
      // Samples before the call connected or after it ended change nothing (the UPDATE's WHERE).
      await addQualitySample(core.deps.sql, callId, 'kiosk', message.sample, conn.samples);
      conn.samples += 1;
      return;
    default:
      break;
  }
  if (conn.status !== 'connected') return core.sendKiosk(conn, error('noCall', 'no agent has taken the call yet'));
  switch (message.t) {
    case 'signal':
      return core.relay(callId, 'agent', { t: 'signal', callId, signal: message.signal });
    case 'state':
      return core.relay(callId, 'agent', {
        t: 'state',
        callId,
        state: maskState(message.state, conn.consentPersonalValues),
      });
    case 'proposalAnswer':
      return core.relay(callId, 'agent', {
        t: 'proposalAnswer',
        callId,
        proposalId: message.proposalId,
        accepted: message.accepted,
      });
    case 'documentCamera':
      return core.relay(callId, 'agent', {
        t: 'documentCamera',
        callId,
        sending: message.sending,
        ...(message.reason === undefined ? {} : { reason: message.reason }),
      });
    case 'media':
      if (message.audioOnly) await markAudioOnly(core.deps.sql, callId);
      return core.relay(callId, 'agent', { t: 'media', callId, audioOnly: message.audioOnly });
    case 'firstFrame':
      return recordFirstFrame(core.deps.sql, callId, message.setupMs);
  }
}

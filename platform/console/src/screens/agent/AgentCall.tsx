import { useState, type Dispatch } from 'react';
import type { AgentVideoMessage } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';
import { Section } from '../../app/ui';
import type { AgentReference } from '../../view/agent-reference';
import type { SignalInbox } from '../../view/agent-signal-inbox';
import type { AgentAction, CallView } from '../../view/agent-state';
import { CoBrowsePanel } from './CoBrowsePanel';
import { DocumentCamera } from './DocumentCamera';
import { HangUpForm } from './HangUpForm';
import { ProposalTools } from './ProposalTools';
import { StreamAudio, StreamVideo } from './StreamVideo';
import { useAgentCall } from './use-agent-call';

/**
 * One call: the resident's face (and the 高拍仪 while it is sent), the agent's own picture, the
 * resident's screen as state and the proposal tools, recording and 结束通话.
 */
export function AgentCall({
  call,
  inboxFor,
  reference,
  send,
  dispatch,
  onRecording,
}: {
  call: CallView;
  inboxFor: (callId: string) => SignalInbox | null;
  reference: AgentReference;
  send: (message: AgentVideoMessage) => boolean;
  dispatch: Dispatch<AgentAction>;
  onRecording: (callId: string, recording: Blob | null) => void;
}) {
  const { t } = useWords();
  const [peerError, setPeerError] = useState<string | null>(null);
  const media = useAgentCall({
    call,
    inboxFor,
    send,
    onLocalAudioOnly: (audioOnly) => dispatch({ type: 'localAudioOnly', audioOnly }),
    onRecording,
    onPeerError: (error) => setPeerError(error instanceof Error ? error.message : String(error)),
  });
  const [faceShown, setFaceShown] = useState(false);
  const callId = call.call.callId;
  const startRecording = () => {
    if (send({ t: 'recording', callId, on: true })) dispatch({ type: 'recordingSent', on: true });
  };

  return (
    <div className="agent-call" data-testid="agent-call" data-call-id={callId}>
      {call.recording && (
        <p className="recording-notice" role="status" data-testid="agent-recording-notice">
          {t('agent:recording.on')}
        </p>
      )}
      <div className="agent-call-media">
        <Section title={t('agent:call.title', { station: call.call.stationName })} id="agent-call-media">
          <p className="muted" data-testid="agent-call-summary">
            {call.call.callId} · {call.call.topicName}
            {call.call.elderMode && <span className="tag">{t('agent:elderMode')}</span>}
            {' · '}
            <span data-testid="agent-peer-state" data-state={media.connection}>
              {t(`agent:peer.${media.connection}`)}
            </span>
          </p>
          <div className="call-face">
            {media.remote.face ? (
              <StreamVideo
                stream={media.remote.face}
                muted
                label={t('agent:call.residentVideo')}
                testId="agent-remote-face"
                onPlaying={() => setFaceShown(true)}
              />
            ) : null}
            {!faceShown && <p className="call-placeholder">{t('agent:call.waitingVideo')}</p>}
            {call.remoteAudioOnly && (
              <p className="call-overlay" data-testid="agent-remote-audio-only">
                {t('agent:call.remoteAudioOnly')}
              </p>
            )}
          </div>
          {media.remote.audio && <StreamAudio stream={media.remote.audio} />}
          <div className="call-self">
            {media.local.state === 'open' && media.local.video ? (
              <StreamVideo stream={media.local.stream} muted label={t('agent:call.selfVideo')} testId="agent-self" />
            ) : null}
            <p className="muted" data-testid="agent-local-media" data-state={media.local.state}>
              {media.local.state === 'opening'
                ? t('agent:call.opening')
                : media.local.state === 'failed'
                  ? t('agent:call.noDevices')
                  : media.local.video
                    ? call.localAudioOnly
                      ? t('agent:call.localAudioOnly')
                      : t('agent:call.cameraOn')
                    : t('agent:call.noCamera')}
            </p>
          </div>
          {peerError && (
            <p className="notice notice-error" role="alert">
              {t('agent:call.peerError', { detail: peerError })}
            </p>
          )}
          <DocumentCamera call={call} stream={media.remote.document ?? null} send={send} dispatch={dispatch} />
          <div className="button-row">
            {call.recordingAllowed && !call.recording && (
              <button type="button" data-testid="agent-start-recording" onClick={startRecording}>
                {t('agent:recording.start')}
              </button>
            )}
          </div>
          <HangUpForm call={call} send={send} dispatch={dispatch} />
        </Section>
      </div>
      <div className="agent-call-state">
        <CoBrowsePanel call={call} />
        <ProposalTools call={call} reference={reference} send={send} dispatch={dispatch} />
      </div>
    </div>
  );
}

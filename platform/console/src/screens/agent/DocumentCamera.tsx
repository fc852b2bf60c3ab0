import type { Dispatch } from 'react';
import type { AgentVideoMessage } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';
import type { AgentAction, CallView } from '../../view/agent-state';
import { StreamVideo } from './StreamVideo';

/**
 * The 高拍仪 on request: 查看高拍仪 asks (`documentCamera wanted`), the resident decides on the
 * kiosk, and the video shows only while the kiosk says it is sending. A refusal is said plainly.
 */
export function DocumentCamera({
  call,
  stream,
  send,
  dispatch,
}: {
  call: CallView;
  stream: MediaStream | null;
  send: (message: AgentVideoMessage) => boolean;
  dispatch: Dispatch<AgentAction>;
}) {
  const { t } = useWords();
  const camera = call.documentCamera;
  const ask = (wanted: boolean) => {
    if (send({ t: 'documentCamera', callId: call.call.callId, wanted }))
      dispatch({ type: 'documentCameraWanted', wanted });
  };
  const status = camera.sending ? 'sending' : camera.reason ? camera.reason : camera.wanted ? 'asking' : 'off';
  return (
    <div className="document-camera" data-testid="agent-document-camera" data-status={status}>
      <div className="button-row">
        {camera.wanted || camera.sending ? (
          <button type="button" data-testid="agent-document-stop" onClick={() => ask(false)}>
            {t('agent:documentCamera.stop')}
          </button>
        ) : (
          <button
            type="button"
            data-testid="agent-document-ask"
            disabled={!call.consent.documentCamera}
            onClick={() => ask(true)}
          >
            {t('agent:documentCamera.ask')}
          </button>
        )}
        <span className="muted" data-testid="agent-document-status">
          {call.consent.documentCamera || status !== 'off'
            ? t(`agent:documentCamera.status.${status}`)
            : t('agent:documentCamera.notConsented')}
        </span>
      </div>
      {camera.sending && stream && (
        <StreamVideo stream={stream} muted label={t('agent:documentCamera.video')} testId="agent-document-video" />
      )}
    </div>
  );
}

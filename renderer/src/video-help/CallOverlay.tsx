import { useCallback, useRef } from 'react';
import { useElder } from '../components/ChoicePages';
import { useT } from '../i18n/use-t';
import type { CallSession, CallView } from './call-session';
import { DocumentRequest, ProposalDialog } from './CallDialogs';
import { RemoteVideo, SelfVideo } from './CallVideo';
import { useDockInMain } from './dock-in-main';

type InCall = Extract<CallView, { phase: 'call' }>;

/**
 * The call over every screen while the resident moves about: the agent's face large enough to
 * see, the resident's own picture small, 挂断 always in reach (larger in 长辈版), and the notices
 * that must stay visible: 录制中 while recording, voice only on a weak link.
 */
export function CallOverlay({ session, view }: { session: CallSession; view: InCall }) {
  const { t } = useT();
  const elder = useElder();
  const firstFrame = useCallback(() => session.remoteFrameShown(), [session]);
  const card = useRef<HTMLElement>(null);
  const placement = useDockInMain(card);
  return (
    <>
      <aside
        ref={card}
        style={placement}
        className={elder ? 'videohelp-overlay videohelp-overlay--elder' : 'videohelp-overlay'}
        data-testid="videohelp-overlay"
        data-connected={view.connected}
        aria-label={t('videoHelp:call.label')}
      >
        <p className="videohelp-overlay-title" role="status">
          {view.connected ? t('videoHelp:call.with', { name: view.agentName }) : t('videoHelp:call.connecting')}
        </p>
        {view.recording && (
          <p className="videohelp-recording" data-testid="videohelp-recording-notice" role="status">
            {t('videoHelp:call.recording')}
          </p>
        )}
        <div className="videohelp-videos">
          <RemoteVideo
            audio={view.remote.audio}
            face={view.remote.face}
            label={t('videoHelp:call.remote')}
            onFirstFrame={firstFrame}
          />
          <SelfVideo stream={view.self} label={t('videoHelp:call.self')} />
        </div>
        {(view.audioOnly || view.agentAudioOnly) && (
          <p className="videohelp-audio-only" data-testid="videohelp-audio-only" role="status">
            {view.audioOnly ? t('videoHelp:call.audioOnly') : t('videoHelp:call.agentAudioOnly')}
          </p>
        )}
        {view.documentCamera === 'sending' && <p className="notice">{t('videoHelp:call.documentSending')}</p>}
        {view.documentCamera === 'opening' && <p className="notice">{t('videoHelp:call.documentOpening')}</p>}
        <button
          type="button"
          className="button videohelp-hangup"
          data-testid="videohelp-hangup"
          onClick={() => session.hangUp()}
        >
          {t('videoHelp:call.hangUp')}
        </button>
      </aside>
      {view.proposal ? (
        <ProposalDialog session={session} proposal={view.proposal} />
      ) : (
        view.documentCamera === 'asking' && <DocumentRequest session={session} />
      )}
    </>
  );
}

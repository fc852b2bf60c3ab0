import { useEffect, useRef } from 'react';
import { UiIcon } from '../components/icons/UiIcon';
import { useT } from '../i18n/use-t';
import { useShellSend } from '../shell/shell-context';
import type { CallSession, CallView } from './call-session';
import { CallbackForm } from './CallbackForm';

type Ended = Extract<CallView, { phase: 'ended' }>;

/**
 * The call is over: why, in plain words; after a call that connected, 好差评 of it (the existing
 * rating journey, subject kind `assistance`, the help request's id); after no answer, a phone
 * callback instead.
 */
export function CallEnded({ session, view }: { session: CallSession; view: Ended }) {
  const { t } = useT();
  const shellSend = useShellSend();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const rate = () => {
    const serviceRef = view.rateRef;
    session.close();
    if (serviceRef) shellSend({ type: 'OPEN_JOURNEY', journey: { kind: 'rating', serviceRef } });
  };
  return (
    <section
      className="videohelp-panel-body state-panel"
      data-testid="videohelp-ended"
      data-reason={view.reason}
      aria-labelledby="videohelp-ended-title"
    >
      <UiIcon name="info" size={72} />
      <h1 id="videohelp-ended-title" className="state-title" data-speech="title" tabIndex={-1} ref={title}>
        {t('videoHelp:ended.title')}
      </h1>
      <p className="state-body" data-speech="hint">
        {t(`videoHelp:ended.reason.${view.reason}`)}
      </p>
      <p className="state-body">{t('videoHelp:ended.nothingKept')}</p>
      {view.offerCallback && view.callback !== 'sent' && (
        <CallbackForm sending={view.callback === 'sending'} onSend={(phone) => void session.askCallback(phone)} />
      )}
      {view.callback === 'sent' && (
        <p className="notice" role="status">
          {t('videoHelp:ended.callbackSent')}
        </p>
      )}
      {view.callback === 'failed' && (
        <p className="notice" role="alert">
          {t('videoHelp:ended.callbackFailed')}
        </p>
      )}
      <div className="videohelp-actions">
        {view.rateRef && (
          <button type="button" className="button button--primary" data-testid="videohelp-rate" onClick={rate}>
            {t('videoHelp:ended.rate')}
          </button>
        )}
        <button type="button" className="button" data-testid="videohelp-ended-done" onClick={() => session.close()}>
          {t('videoHelp:ended.done')}
        </button>
      </div>
    </section>
  );
}

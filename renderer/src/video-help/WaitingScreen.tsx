import { useEffect, useRef, useState } from 'react';
import { useElder } from '../components/ChoicePages';
import { useT } from '../i18n/use-t';
import type { CallSession, CallView } from './call-session';
import { CallbackForm } from './CallbackForm';

type Waiting = Extract<CallView, { phase: 'waiting' }>;

/** In the queue: the position, how many agents are on duty, a phone callback instead, or 取消. */
export function WaitingScreen({ session, view }: { session: CallSession; view: Waiting }) {
  const { t } = useT();
  const elder = useElder();
  const [callback, setCallback] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const position =
    view.position === null
      ? t('videoHelp:waiting.queueing')
      : view.position <= 1
        ? t('videoHelp:waiting.next')
        : t('videoHelp:waiting.ahead', { ahead: view.position - 1 });
  return (
    <section className="videohelp-panel-body" data-testid="videohelp-waiting" aria-labelledby="videohelp-waiting-title">
      <h1 id="videohelp-waiting-title" className="screen-title" data-speech="title" tabIndex={-1} ref={title}>
        {t('videoHelp:waiting.title')}
      </h1>
      <p className="videohelp-position" data-testid="videohelp-position" data-position={view.position ?? undefined}>
        <span data-speech="hint">{position}</span>
      </p>
      {view.agentsOnDuty !== null && (
        <p className="state-body">{t('videoHelp:waiting.agents', { agents: view.agentsOnDuty })}</p>
      )}
      {!callback && <p className="state-body">{t('videoHelp:waiting.hint')}</p>}
      {callback && <CallbackForm sending={view.callbackSending} onSend={(phone) => void session.askCallback(phone)} />}
      <div className="videohelp-actions">
        {!callback && (
          <button type="button" className="button" data-testid="videohelp-callback" onClick={() => setCallback(true)}>
            {t('videoHelp:waiting.callback')}
          </button>
        )}
        <button
          type="button"
          className={elder ? 'button videohelp-big' : 'button'}
          data-testid="videohelp-cancel"
          onClick={() => session.hangUp()}
        >
          {t('videoHelp:waiting.cancel')}
        </button>
      </div>
    </section>
  );
}

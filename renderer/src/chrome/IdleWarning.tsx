import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { useShellSend, useVisit } from '../shell/shell-context';
import { visitIdleSeconds, warningSeconds } from '../shell/shell-machine';
import { useNow } from './use-now';

/**
 * A bar, not a dialog: it covers nothing the visitor is reading. Any touch anywhere keeps the
 * visit; the button is there for those who need to be told what to touch. In voice mode the
 * question is spoken (data-speech="alert" puts it before the screen's own text); the countdown
 * is not, so the voice does not repeat itself every second.
 */
export function IdleWarning() {
  const { t } = useT();
  const send = useShellSend();
  const visit = useVisit();
  const [shownAt] = useState(() => Date.now());
  const now = useNow(1000);
  const left = Math.max(0, warningSeconds(visitIdleSeconds(visit)) - Math.floor((now.getTime() - shownAt) / 1000));
  return (
    <div className="idle-warning" role="alert" data-testid="idle-warning">
      <div className="idle-warning-text">
        <p className="idle-warning-question" data-speech="alert">
          {t('idle.moreTime')}
        </p>
        <p>{t('idle.warning', { count: left })}</p>
      </div>
      <button type="button" className="button button--primary" onClick={() => send({ type: 'ACTIVITY' })}>
        {t('idle.continue')}
      </button>
    </div>
  );
}

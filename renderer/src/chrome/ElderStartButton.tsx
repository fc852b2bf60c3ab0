import type { MouseEvent } from 'react';
import { useT } from '../i18n/use-t';
import { usePreferences, useShellSend } from '../shell/shell-context';

/**
 * The large way into 长辈版 on the attract and home screens (MIIT §3.1: a prominent entry on the
 * home page, named exactly 长辈版). Hidden once 长辈版 is on; the bottom bar's toggle leaves it.
 */
export function ElderStartButton() {
  const { t } = useT();
  const send = useShellSend();
  const { profile } = usePreferences();
  if (profile === 'elder') return null;
  const start = (event: MouseEvent) => {
    // On the attract screen the whole screen starts a standard visit; this button starts 长辈版.
    event.stopPropagation();
    send({ type: 'SET_PROFILE', profile: 'elder' });
  };
  return (
    <button type="button" className="elder-start" data-testid="elder-start" onClick={start}>
      <span className="elder-start-name">{t('access.elderStart')}</span>
      <span className="elder-start-hint">{t('access.elderStartHint')}</span>
    </button>
  );
}

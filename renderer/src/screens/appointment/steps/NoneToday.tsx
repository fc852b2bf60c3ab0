import { useT } from '../../../i18n/use-t';
import { JourneyNotice } from '../../../journey/JourneyNotice';
import { useShellSend } from '../../../shell/shell-context';

/** Check-in found no appointment today: a ticket is the way to be served. */
export function NoneToday() {
  const { t } = useT();
  const send = useShellSend();
  return (
    <JourneyNotice
      testId="appointment-none-today"
      tone="info"
      actions={
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'ticket' } })}
          >
            {t('appointment:checkIn.takeTicket')}
          </button>
        </>
      }
    >
      <p data-speech="hint">{t('appointment:checkIn.none')}</p>
      <p>{t('appointment:checkIn.noneHint')}</p>
    </JourneyNotice>
  );
}

import { useShellSend } from '../../../shell/shell-context';
import { useT } from '../../../i18n/use-t';

/** Under the slip or the ticket: rate the service, or 完成 (the visit ends). */
export function FinishActions({ onFinish }: { onFinish: () => void }) {
  const { t } = useT();
  const send = useShellSend();
  return (
    <div className="journey-actions">
      <button
        type="button"
        className="button"
        onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'rating' } })}
      >
        {t('appointment:booked.rate')}
      </button>
      <button type="button" className="button button--primary" data-testid="appointment-done" onClick={onFinish}>
        {t('appointment:booked.done')}
      </button>
    </div>
  );
}

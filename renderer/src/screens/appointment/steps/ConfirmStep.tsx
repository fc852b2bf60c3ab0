import type { AppointmentSlot } from '../../../../../platform/contract/appointments';
import { useStationTime } from '../../../api/use-station-time';
import { useT } from '../../../i18n/use-t';
import { StepHint } from './StepHint';

/** Everything the booking will say, and 确认预约 (disabled while it is being sent). */
export function ConfirmStep({
  matterName,
  pointName,
  slot,
  phone,
  sending,
  onConfirm,
}: {
  matterName: string | null;
  pointName: string;
  slot: AppointmentSlot;
  phone: string | null;
  sending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="journey-step" data-testid="appointment-confirm">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:confirm.title')}
      </h2>
      <StepHint text={t('appointment:confirm.hint')} />
      <dl className="journey-summary">
        <dt>{t('appointment:confirm.matter')}</dt>
        <dd>{matterName}</dd>
        <dt>{t('appointment:confirm.point')}</dt>
        <dd>{pointName}</dd>
        <dt>{t('appointment:confirm.time')}</dt>
        <dd>
          {time.dayTime(slot.startsAt)}–{time.clock(slot.endsAt)}
        </dd>
        <dt>{t('appointment:confirm.phone')}</dt>
        <dd>{phone}</dd>
      </dl>
      <div className="journey-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="appointment-confirm-submit"
          disabled={sending}
          onClick={onConfirm}
        >
          {sending ? t('appointment:confirm.submitting') : t('appointment:confirm.submit')}
        </button>
      </div>
    </div>
  );
}

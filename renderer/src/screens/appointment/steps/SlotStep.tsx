import type { AppointmentSlot } from '../../../../../platform/contract/appointments';
import { useStationTime } from '../../../api/use-station-time';
import { useT } from '../../../i18n/use-t';
import { ChoicePages } from '../../../journey/ChoicePages';
import { JourneyNotice } from '../../../journey/JourneyNotice';
import { StepHint } from './StepHint';

/** Which slot of the chosen day, or 选择其他日期; says so when the slot chosen was taken meanwhile. */
export function SlotStep({
  date,
  slots,
  slotTaken,
  onChoose,
  onOtherDay,
}: {
  date: string | null;
  slots: readonly AppointmentSlot[];
  slotTaken: boolean;
  onChoose: (slotId: string) => void;
  onOtherDay: () => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="journey-step">
      <h2 className="journey-step-title" data-speech="title">
        {date ? time.day(date) : ''} · {t('appointment:slot.title')}
      </h2>
      <StepHint text={t('appointment:slot.hint')} />
      {slotTaken && (
        <p className="journey-warning" role="alert" data-speech="hint">
          {t('appointment:confirm.slotFull')}
        </p>
      )}
      {slots.every((s) => s.remaining === 0) ? (
        <JourneyNotice testId="appointment-no-slots" tone="info">
          <p data-speech="hint">{t('appointment:slot.none')}</p>
        </JourneyNotice>
      ) : (
        <ChoicePages
          testId="appointment-slots"
          compact
          // 选择其他日期 shares the step.
          otherChoices={1}
          items={slots}
          keyOf={(s) => s.slotId}
          render={(s) => (
            <button
              type="button"
              className="tile journey-tile"
              data-slot={s.slotId}
              disabled={s.remaining === 0}
              onClick={() => onChoose(s.slotId)}
            >
              <span className="tile-text">
                <span className="tile-label">
                  {time.clock(s.startsAt)}–{time.clock(s.endsAt)}
                </span>
                <span className="tile-hint">
                  {s.remaining === 0
                    ? t('appointment:slot.full')
                    : t('appointment:slot.remaining', { count: s.remaining })}
                </span>
              </span>
            </button>
          )}
        />
      )}
      <div className="journey-actions">
        <button type="button" className="button" onClick={onOtherDay}>
          {t('appointment:slot.otherDay')}
        </button>
      </div>
    </div>
  );
}

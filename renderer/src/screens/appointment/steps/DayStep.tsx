import type { AppointmentDay } from '../../../../../core/api/queue';
import { useStationTime } from '../../../api/use-station-time';
import { useT } from '../../../i18n/use-t';
import { ChoicePages } from '../../../journey/ChoicePages';
import { JourneyNotice } from '../../../journey/JourneyNotice';
import { StepHint } from './StepHint';

/** Which day at the chosen point; a day that cannot be booked stays on the list and says why. */
export function DayStep({
  pointName,
  days,
  onChoose,
}: {
  pointName: string;
  days: readonly AppointmentDay[];
  onChoose: (date: string) => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="journey-step">
      <h2 className="journey-step-title" data-speech="title">
        {pointName} · {t('appointment:day.title')}
      </h2>
      <StepHint text={t('appointment:day.hint')} />
      {!days.some((d) => d.status === 'open') && (
        <JourneyNotice testId="appointment-no-days" tone="info">
          <p data-speech="hint">
            {days.some((d) => d.status === 'full') ? t('appointment:day.none') : t('appointment:day.noneOpen')}
          </p>
        </JourneyNotice>
      )}
      <ChoicePages
        testId="appointment-days"
        compact
        items={days}
        keyOf={(d) => d.date}
        render={(d) => (
          <button
            type="button"
            className="tile journey-tile"
            data-date={d.date}
            data-status={d.status}
            disabled={d.status !== 'open'}
            onClick={() => onChoose(d.date)}
          >
            <span className="tile-text">
              <span className="tile-label">{time.day(d.date)}</span>
              <span className="tile-hint" data-testid="appointment-day-status">
                <DayStatus day={d} />
              </span>
            </span>
          </button>
        )}
      />
    </div>
  );
}

/**
 * A day's tile says why it can or cannot be booked: places left, 已约满 only when every slot is
 * taken, 休息 on a weekend or public holiday (with the holiday's name), and a working day the
 * point does not take bookings or whose slots have all begun.
 */
function DayStatus({ day }: { day: AppointmentDay }) {
  const { t } = useT();
  switch (day.status) {
    case 'open':
      return <>{t('appointment:day.remaining', { count: day.remaining })}</>;
    case 'full':
      return <>{t('appointment:day.full')}</>;
    case 'over':
      return <>{t('appointment:day.over')}</>;
    case 'rest':
      return (
        <>{day.holiday ? t('appointment:day.holidayRest', { holiday: day.holiday }) : t('appointment:day.rest')}</>
      );
    case 'notOffered':
      return <>{t('appointment:day.notOffered')}</>;
  }
}

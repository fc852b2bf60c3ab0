import type { Appointment } from '../../../../../platform/contract/appointments';
import { useStationTime } from '../../../api/use-station-time';
import { Words } from '../../../components/words/Words';
import { useT } from '../../../i18n/use-t';
import { ChoicePages } from '../../../journey/ChoicePages';
import { StepHint } from './StepHint';

/** Check-in: the resident's booked appointments of today, one tap each to check in. */
export function MineStep({
  appointments,
  pointName,
  onCheckIn,
}: {
  appointments: readonly Appointment[];
  pointName: (id: string) => string;
  onCheckIn: (appointmentId: string) => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="journey-step">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:checkIn.choose')}
      </h2>
      <StepHint text={t('appointment:checkIn.hint')} />
      <ChoicePages
        testId="appointment-mine"
        items={appointments}
        keyOf={(a) => a.appointmentId}
        render={(a) => (
          <button
            type="button"
            className="tile journey-tile"
            data-appointment={a.appointmentId}
            onClick={() => onCheckIn(a.appointmentId)}
          >
            <span className="tile-text">
              <span className="tile-label">
                <Words text={a.matter.matterName} />
              </span>
              <span className="tile-hint">
                {time.clock(a.startsAt)}–{time.clock(a.endsAt)} · {pointName(a.servicePointId)}
              </span>
            </span>
            <span className="tile-count">{t('appointment:checkIn.submit')}</span>
          </button>
        )}
      />
    </div>
  );
}

import type { AppointmentReceipt } from '../../../../../core/api/queue';
import type { Appointment } from '../../../../../platform/contract/appointments';
import { useStationTime } from '../../../api/use-station-time';
import { useT } from '../../../i18n/use-t';
import { FinishActions } from './FinishActions';

/** The booking is made: its slip, on paper or (when the printer could not) on screen. */
export function BookedStep({
  booked,
  pointName,
  onFinish,
}: {
  booked: AppointmentReceipt;
  pointName: (id: string) => string;
  onFinish: () => void;
}) {
  const { t } = useT();
  return (
    <div className="journey-step" data-testid="appointment-booked">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:booked.title')}
      </h2>
      <AppointmentSlip appointment={booked.appointment} pointName={pointName} />
      {booked.print.output === 'screen' ? (
        <p className="journey-warning" role="alert" data-testid="appointment-on-screen" data-speech="hint">
          {t('appointment:booked.onScreen')}
        </p>
      ) : (
        <p className="ticket-view-take" data-speech="hint">
          {t('appointment:booked.takePaper')}
        </p>
      )}
      <FinishActions onFinish={onFinish} />
    </div>
  );
}

function AppointmentSlip({ appointment, pointName }: { appointment: Appointment; pointName: (id: string) => string }) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="ticket-view" data-testid="appointment-slip">
      <p className="ticket-view-label">{t('appointment:booked.number', { id: appointment.appointmentId })}</p>
      <dl className="journey-summary">
        <dt>{t('appointment:confirm.matter')}</dt>
        <dd>{appointment.matter.matterName}</dd>
        <dt>{t('appointment:confirm.point')}</dt>
        <dd>{pointName(appointment.servicePointId)}</dd>
        <dt>{t('appointment:confirm.time')}</dt>
        <dd>
          {time.dayTime(appointment.startsAt)}–{time.clock(appointment.endsAt)}
        </dd>
      </dl>
      <p className="journey-note">{t('appointment:booked.bring')}</p>
    </div>
  );
}

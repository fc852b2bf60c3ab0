import { useKioskInfo } from '../../../api/kiosk-info-context';
import { useStationHours } from '../../../api/use-station-hours';
import { useStationTime } from '../../../api/use-station-time';
import { useT } from '../../../i18n/use-t';
import { JourneyNotice } from '../../../journey/JourneyNotice';
import type { AppointmentProblem } from '../appointment-outcome';

/** What went wrong, in plain words, with 再试一次. */
export function ProblemNotice({ problem, onRetry }: { problem: AppointmentProblem | null; onRetry: () => void }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  return (
    <JourneyNotice
      testId="appointment-problem"
      actions={
        <>
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('appointment:tryAgain')}
          </button>
        </>
      }
    >
      <p data-speech="hint">
        {problem === 'unavailable' && t('appointment:unavailable', { hotline: station.hotline })}
        {problem === 'notActive' && t('appointment:checkIn.notActive')}
        {problem === 'notToday' && t('appointment:checkIn.notToday')}
        {problem === 'notStaffed' && <NotStaffedCheckIn />}
        {(problem === 'failed' || problem === 'slotFull' || problem === null) &&
          t('appointment:failed', { hotline: station.hotline })}
      </p>
    </JourneyNotice>
  );
}

/** Check-in turns an appointment into a ticket for the windows: when nobody calls again today, say when they do. */
function NotStaffedCheckIn() {
  const { t } = useT();
  const time = useStationTime();
  const hours = useStationHours();
  const next = hours?.presence.state === 'offDuty' ? hours.presence.next : null;
  return (
    <>
      {next
        ? t('appointment:checkIn.notStaffedUntil', { when: time.when(next.startsAt) })
        : t('appointment:checkIn.notStaffed')}
    </>
  );
}

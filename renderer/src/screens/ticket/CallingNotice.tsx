import type { QueueOverview } from '../../../../core/api/queue';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useStationTime } from '../../api/use-station-time';
import { useT } from '../../i18n/use-t';

/**
 * When the windows call, said before any tile: nothing while they are calling; the hour calling
 * starts before opening or over lunch; and out of hours that no number is called again today
 * (a weekend, a public holiday by name, or after closing) and when calling starts next, on the
 * station's clock. Never a wait in minutes that runs through the night.
 */
export function CallingNotice({ overview }: { overview: QueueOverview }) {
  const { t } = useT();
  const time = useStationTime();
  const { station } = useKioskInfo();
  const calling = overview.calling;
  if (calling === null || calling.state === 'onDuty') return null;
  if (calling.state === 'laterToday') {
    return (
      <p
        className="journey-banner"
        role="status"
        data-testid="ticket-calling"
        data-state="laterToday"
        data-speech="hint"
      >
        {t('ticket:calling.laterToday', { time: time.clock(calling.startsAt) })}
      </p>
    );
  }
  const { today } = overview;
  const why =
    today.kind === 'holiday' && today.holiday
      ? t('ticket:calling.holiday', { holiday: today.holiday })
      : today.kind === 'holiday' || today.kind === 'weekend'
        ? t('ticket:calling.restDay')
        : t('ticket:calling.ended');
  return (
    <p className="journey-banner" role="status" data-testid="ticket-calling" data-state="offDuty" data-speech="hint">
      {why}
      {calling.next
        ? t('ticket:calling.next', { when: time.when(calling.next.startsAt) })
        : t('ticket:calling.nextUnknown', { hotline: station.hotline })}
    </p>
  );
}

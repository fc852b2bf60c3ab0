import { nextOnDuty } from '../../../../core/api/station';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useStationHours } from '../../api/use-station-hours';
import { useStationTime } from '../../api/use-station-time';
import { useT } from '../../i18n/use-t';

/**
 * Out of hours, help says what will really happen: nobody comes now; a callback or home visit is
 * taken up when staff are next on duty (the day and hour, from the station's hours on the working
 * calendar); the hotline is there meanwhile. Nothing while staff are on duty.
 */
export function OffDutyNotice() {
  const { t } = useT();
  const time = useStationTime();
  const hours = useStationHours();
  const { station } = useKioskInfo();
  if (hours === null || hours.presence.state === 'onDuty') return null;
  const next = nextOnDuty(hours.presence);
  return (
    <p
      className="notice"
      role="status"
      data-testid="help-off-duty"
      data-state={hours.presence.state}
      data-speech="hint"
    >
      {next
        ? t('help:offDuty.until', { when: time.when(next), hotline: station.hotline })
        : t('help:offDuty.unknown', { hotline: station.hotline })}
    </p>
  );
}

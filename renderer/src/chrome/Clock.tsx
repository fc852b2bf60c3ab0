import { useStationNow, useStationTime } from '../api/use-station-time';
import { formatDay } from '../format/station-time';
import { useT } from '../i18n/use-t';

/**
 * Time and date on the station's clocks (its configured zone, China time by default), whatever
 * zone the host is set to, in the visit's language from Intl: no date words in our locale files.
 */
export function Clock() {
  const { i18n } = useT();
  const time = useStationTime();
  const now = useStationNow(1000);
  return (
    <div className="clock" data-testid="clock" data-zone={time.zone}>
      <time className="clock-time" dateTime={now.toISOString()}>
        {time.clock(now)}
      </time>
      <span className="clock-date">{formatDay(time.wallTime(now).date, i18n.language)}</span>
    </div>
  );
}

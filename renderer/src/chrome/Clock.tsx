import { useT } from '../i18n/use-t';
import { useNow } from './use-now';

/** Time and date in the visit's language, from Intl: no date words in our locale files. */
export function Clock() {
  const { i18n } = useT();
  const now = useNow(1000);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' });
  return (
    <div className="clock" data-testid="clock">
      <time className="clock-time" dateTime={now.toISOString()}>
        {time.format(now)}
      </time>
      <span className="clock-date">{date.format(now)}</span>
    </div>
  );
}

import { useT } from '../../i18n/use-t';
import { formatDateTime } from './format-time';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { QueryView } from './QueryView';
import { useTechnicianQuery } from './use-technician-query';

/** The newest log lines; core has already reduced each to time, level, component and message. */
export function LogsTab() {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  const [logs, reload] = useTechnicianQuery('technician.logs');
  return (
    <section className="technician-panel" data-testid="technician-logs">
      <p>{t('technician:logs.intro')}</p>
      <button type="button" className="button" onClick={reload}>
        {t('technician:logs.refresh')}
      </button>
      <QueryView query={logs} reload={reload}>
        {(lines) =>
          lines.length === 0 ? (
            <p>{t('technician:logs.empty')}</p>
          ) : (
            <ol className="technician-log">
              {lines.map((line, index) => (
                <li key={`${line.time}-${index}`} data-level={line.level} className="code">
                  {formatDateTime(line.time, i18n.language, zone)} {line.level} {line.component} {line.message}
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}

import { Fragment } from 'react';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from './format-time';
import { QueryView } from './QueryView';
import { useTechnicianQuery } from './use-technician-query';

/** The configuration summary core gives (no tokens, no PIN hash) for checking against the station sheet. */
export function ConfigTab() {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  const info = useKioskInfo();
  const [overview, reload] = useTechnicianQuery('technician.overview');
  return (
    <section className="technician-panel" data-testid="technician-config">
      <p>{t('technician:config.intro')}</p>
      <QueryView query={overview} reload={reload}>
        {(value) => (
          <dl className="technician-facts">
            <dt>{t('technician:config.appVersion')}</dt>
            <dd className="code">{info.appVersion}</dd>
            <dt>{t('technician:config.lastInspection')}</dt>
            <dd>
              {value.lastInspection
                ? `${value.lastInspection.id} · ${formatDateTime(value.lastInspection.finishedAt, i18n.language, zone)}`
                : t('technician:config.noInspection')}
            </dd>
            <dt>{t('technician:tabs.outbox')}</dt>
            <dd>{t('technician:config.outboxDepth', value.outbox)}</dd>
            {value.config.map((entry) => (
              <Fragment key={entry.key}>
                <dt className="code">{entry.key}</dt>
                <dd className="code">{entry.value}</dd>
              </Fragment>
            ))}
          </dl>
        )}
      </QueryView>
    </section>
  );
}

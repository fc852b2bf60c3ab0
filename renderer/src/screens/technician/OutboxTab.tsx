import { useState } from 'react';
import type { OutboxItemSummary } from '../../../../core/api/technician';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from './format-time';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { QueryView } from './QueryView';
import { useTechnicianApi } from './technician-api';
import { useTechnicianQuery } from './use-technician-query';

const KNOWN_KINDS = ['inspection', 'application', 'rating', 'ticket'] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];
const isKnownKind = (kind: string): kind is KnownKind => (KNOWN_KINDS as readonly string[]).includes(kind);

function OutboxRow({ item }: { item: OutboxItemSummary }) {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  return (
    <li className="technician-card" data-state={item.state}>
      <h3>
        {t(`technician:outbox.kind.${isKnownKind(item.kind) ? item.kind : 'other'}`)} ·{' '}
        {t(`technician:outbox.state.${item.state}`)}
      </h3>
      <p>
        {t('technician:outbox.savedAt', { time: formatDateTime(item.createdAt, i18n.language, zone) })} ·{' '}
        {t('technician:outbox.attempts', { count: item.attempts })}
      </p>
      {item.nextAttemptAt && item.state === 'pending' && (
        <p>{t('technician:outbox.nextAttempt', { time: formatDateTime(item.nextAttemptAt, i18n.language, zone) })}</p>
      )}
      {item.lastError && <p className="code">{t('technician:outbox.lastError', { error: item.lastError })}</p>}
    </li>
  );
}

/** What the kiosk saved and the platform has not accepted, with one button to try again now. */
export function OutboxTab() {
  const { t } = useT();
  const api = useTechnicianApi();
  const [outbox, reload] = useTechnicianQuery('technician.outbox');
  const [retrying, setRetrying] = useState(false);
  // The retry answers with the list as it stands after trying; it replaces the loaded one.
  const [afterRetry, setAfterRetry] = useState<OutboxItemSummary[] | null>(null);
  return (
    <section className="technician-panel" data-testid="technician-outbox">
      <p>{t('technician:outbox.intro')}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={retrying}
        onClick={() => {
          setRetrying(true);
          void api.call('technician.retryOutbox', {}).then((answer) => {
            setRetrying(false);
            if (answer.ok) setAfterRetry(answer.value);
            else reload();
          });
        }}
      >
        {retrying ? t('technician:outbox.retrying') : t('technician:outbox.retry')}
      </button>
      <QueryView query={outbox} reload={reload}>
        {(loaded) => {
          const items = afterRetry ?? loaded;
          return items.length === 0 ? (
            <p>{t('technician:outbox.empty')}</p>
          ) : (
            <ul className="technician-list">
              {items.map((item) => (
                <OutboxRow key={item.id} item={item} />
              ))}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}

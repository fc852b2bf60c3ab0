import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { TechnicianQuery } from './use-technician-query';

/** Loading and failure look the same on every tab. */
export function QueryView<M extends 'technician.overview' | 'technician.outbox' | 'technician.logs'>({
  query,
  reload,
  children,
}: {
  query: TechnicianQuery<M>;
  reload: () => void;
  children: (value: Extract<TechnicianQuery<M>, { status: 'ok' }>['value']) => ReactNode;
}) {
  const { t } = useT();
  if (query.status === 'loading') return <p role="status">{t('technician:loading')}</p>;
  if (query.status === 'error') {
    return (
      <div className="technician-problem" role="alert">
        <p>{t('technician:loadFailed')}</p>
        <button type="button" className="button" onClick={reload}>
          {t('technician:retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.value)}</>;
}

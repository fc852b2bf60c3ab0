import { useT } from '../i18n/use-t';

/** Words only: a spinner that turns for more than 5 s would need a pause button (WCAG 2.2.2). */
export function Loading({ message }: { message?: 'loading' | 'starting' }) {
  const { t } = useT();
  return (
    <div className="state-panel state-panel--quiet" role="status" data-testid="loading">
      <p className="state-body" data-speech="hint">
        {message === 'starting' ? t('starting') : t('loading')}
      </p>
    </div>
  );
}

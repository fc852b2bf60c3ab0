import { useT } from '../i18n/use-t';
import { UiIcon } from '../components/icons/UiIcon';

/**
 * Any failure we did not plan a screen for: plain words, the hotline, a way on. Never a stack
 * trace or an error code (those go to the host log).
 */
export function Problem({
  hotline,
  onRetry,
  onHome,
}: {
  hotline?: string | undefined;
  onRetry?: (() => void) | undefined;
  onHome?: (() => void) | undefined;
}) {
  const { t } = useT();
  return (
    <div className="state-panel" role="alert" data-testid="problem">
      <UiIcon name="info" size={72} />
      <h2 className="state-title" data-speech="title">
        {t('problem.title')}
      </h2>
      <p className="state-body" data-speech="hint">
        {hotline ? t('problem.body') : t('problem.bodyNoHotline')}
      </p>
      {hotline && (
        <p className="state-hotline">
          <UiIcon name="phone" />
          {t('hotline.label')} <span className="phone-number">{hotline}</span>
        </p>
      )}
      <div className="state-actions">
        {onRetry && (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
        {onHome && (
          <button type="button" className="button" onClick={onHome}>
            {t('problem.backHome')}
          </button>
        )}
      </div>
    </div>
  );
}

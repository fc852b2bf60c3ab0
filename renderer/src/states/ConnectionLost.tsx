import { useT } from '../i18n/use-t';
import { UiIcon } from '../components/icons/UiIcon';

/**
 * Covers the screen while the page cannot reach its host, so nobody taps at buttons that cannot
 * answer, and goes away by itself when the link is back. Calm words, no red, no countdown.
 */
export function ConnectionLost() {
  const { t } = useT();
  return (
    <div className="connection-lost" role="alert" aria-live="assertive" data-testid="connection-lost">
      <div className="state-panel">
        <UiIcon name="clock" size={72} />
        <h2 className="state-title" data-speech="title">
          {t('connection.title')}
        </h2>
        <p className="state-body" data-speech="hint">
          {t('connection.body')}
        </p>
      </div>
    </div>
  );
}

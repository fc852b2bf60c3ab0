import { useT } from '../../i18n/use-t';
import { UiIcon } from '../../components/icons/UiIcon';

/** Calm, not alarming: the text is a sample, and the window's word is what counts. */
export function SampleNotice() {
  const { t } = useT();
  return (
    <aside className="notice notice--info" data-testid="sample-notice">
      <UiIcon name="info" />
      <p>
        <strong>{t('guide:sample.title')}</strong> {t('guide:sample.body')}
      </p>
    </aside>
  );
}

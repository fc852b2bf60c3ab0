import { useT } from '../i18n/use-t';
import { UiIcon } from '../components/icons/UiIcon';

/**
 * A new kiosk that has never reached the platform has no list yet. It fills itself in: the
 * screens ask again when `catalog.statusChanged` brings a version.
 */
export function CatalogEmpty({ hotline }: { hotline: string }) {
  const { t } = useT();
  return (
    <div className="state-panel" role="status" data-testid="catalog-empty">
      <UiIcon name="clock" size={72} />
      <h2 className="state-title" data-speech="title">
        {t('status:empty.title')}
      </h2>
      <p className="state-body" data-speech="hint">
        {t('status:empty.body')}
      </p>
      <p className="state-hotline">
        <UiIcon name="phone" />
        {t('status:empty.hotline')} <span className="phone-number">{hotline}</span>
      </p>
    </div>
  );
}

import { useT } from '../i18n/use-t';
import { useCatalogStatus } from '../api/catalog-status-context';
import { UiIcon } from '../components/icons/UiIcon';
import { describeCatalogStatus } from '../format/catalog-status-line';
import { useFormatAge } from './use-format-age';
import { useStationNow } from '../api/use-station-time';

/**
 * Which list the guides come from and how old it is (feature-anchors c.10). When the platform is
 * out of reach or the list is stale it becomes a plain, calm warning in words, not only colour.
 */
export function CatalogStatusLine() {
  const { t } = useT();
  const { status } = useCatalogStatus();
  const formatAge = useFormatAge();
  const line = describeCatalogStatus(status, useStationNow(30_000));

  let text: string;
  if (line.kind === 'fetching') text = t('status:catalog.fetching');
  else if (line.age === null) text = t(`status:catalog.${line.kind}NoAge`, { version: line.version });
  else text = t(`status:catalog.${line.kind}`, { version: line.version, age: formatAge(line.age) });
  const warning = line.kind !== 'fetching' && line.kind !== 'current';
  return (
    <div
      className={warning ? 'catalog-status catalog-status--warning' : 'catalog-status'}
      data-testid="catalog-status"
      data-kind={line.kind}
      role="status"
    >
      {warning && <UiIcon name="warning" size={28} />}
      <span>{text}</span>
    </div>
  );
}

import { useT } from '../i18n/use-t';
import type { CatalogAge } from '../format/catalog-age';

export function useFormatAge(): (age: CatalogAge) => string {
  const { t } = useT();
  return (age) =>
    age.unit === 'justNow' ? t('status:age.justNow') : t(`status:age.${age.unit}`, { count: age.count });
}

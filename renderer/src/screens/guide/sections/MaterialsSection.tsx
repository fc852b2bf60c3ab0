import { useT } from '../../../i18n/use-t';
import type { Guide } from '../../../../../platform/contract/catalog';
import { Facts } from './Facts';

/**
 * 申请材料, one card per document: cards rather than a table, because a seven-column table at
 * 24 px does not fit a portrait screen and elderly readers lose their row.
 */
export function MaterialsSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  if (guide.materials.length === 0) return <p className="guide-empty">{t('guide:materials.none')}</p>;
  return (
    <ol className="guide-cards">
      {guide.materials.map((material, index) => (
        <li className="guide-card material" key={`${index} ${material.name}`} data-testid="material">
          <p className="guide-card-title">
            <span className="material-number">{index + 1}</span>
            <span>{material.name}</span>
            <span
              className={material.required ? 'badge badge--required' : 'badge badge--optional'}
              data-required={material.required}
            >
              {material.required ? t('guide:materials.required') : t('guide:materials.optional')}
            </span>
          </p>
          <p className="material-amounts">
            {[
              material.originals > 0 && t('guide:materials.originals', { count: material.originals }),
              material.copies > 0 && t('guide:materials.copies', { count: material.copies }),
              t(`enums:materialFormat.${material.format}`),
            ]
              .filter((part) => part !== false)
              .join(' · ')}
          </p>
          <Facts
            rows={[
              { label: t('guide:materials.source'), value: material.source },
              material.note !== undefined && { label: t('guide:materials.note'), value: material.note },
            ]}
          />
        </li>
      ))}
    </ol>
  );
}

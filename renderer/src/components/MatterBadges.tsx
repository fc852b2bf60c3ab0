import { useT } from '../i18n/use-t';
import type { Matter } from '../../../platform/contract/catalog';

type BadgeFacts = Pick<Matter, 'caseType' | 'promisedWorkingDays' | 'handling' | 'crossVillage'>;

/**
 * The facts a resident decides by, as words (never colour alone): 即办件 or 承诺件 with its
 * working days, how it is handled, and 跨村通办.
 */
export function MatterBadges({ matter }: { matter: BadgeFacts }) {
  const { t } = useT();
  const caseType =
    matter.caseType === 'promised' && matter.promisedWorkingDays !== null
      ? `${t('enums:caseType.promised')} · ${t('matter.workingDays', { count: matter.promisedWorkingDays })}`
      : t(`enums:caseType.${matter.caseType}`);
  return (
    <span className="badges">
      <span className={`badge badge--case-${matter.caseType}`} data-badge="caseType">
        {caseType}
      </span>
      <span className="badge badge--handling" data-badge="handling">
        {t(`enums:handling.${matter.handling}`)}
      </span>
      {matter.crossVillage && (
        <span className="badge badge--cross-village" data-badge="crossVillage">
          {t('matter.crossVillage')}
        </span>
      )}
    </span>
  );
}

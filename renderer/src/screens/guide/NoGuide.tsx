import { useT } from '../../i18n/use-t';
import type { MatterDetail } from '../../../../core/api/contract';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { UiIcon } from '../../components/icons/UiIcon';

/** No published guide: say so plainly and give the two numbers that can answer instead. */
export function NoGuide({ matter }: { matter: MatterDetail }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const department = matter.department;
  return (
    <div className="no-guide" data-testid="no-guide">
      <div className="notice notice--info">
        <UiIcon name="info" />
        <p>
          <strong>{t('guide:noGuide.title')}</strong>
        </p>
      </div>
      <p className="no-guide-body">{t('guide:noGuide.body')}</p>
      <dl className="phone-list">
        {department && (
          <div className="phone-list-row" data-testid="department-phone">
            <dt>
              {t('guide:noGuide.department')} · {department.name}
            </dt>
            {department.phone && (
              <dd>
                <UiIcon name="phone" />
                <span className="phone-number">{department.phone}</span>
              </dd>
            )}
          </div>
        )}
        <div className="phone-list-row" data-testid="station-hotline">
          <dt>{t('guide:noGuide.hotline')}</dt>
          <dd>
            <UiIcon name="phone" />
            <span className="phone-number">{station.hotline}</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

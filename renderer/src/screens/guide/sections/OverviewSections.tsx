import { useT } from '../../../i18n/use-t';
import type { MatterDetail } from '../../../../../core/api/contract';
import type { Guide } from '../../../../../platform/contract/catalog';
import { Facts } from './Facts';

/** 简版指南 */
export function SummarySection({ guide }: { guide: Guide }) {
  return <p className="guide-summary">{guide.summary}</p>;
}

/** 基本信息: the guide's own facts plus what the catalog says about the matter. */
export function BasicInfoSection({ guide, matter }: { guide: Guide; matter: MatterDetail }) {
  const { t } = useT();
  const info = guide.basicInfo;
  return (
    <Facts
      rows={[
        { label: t('guide:basicInfo.matterType'), value: info.matterType },
        { label: t('guide:basicInfo.implementingAgency'), value: info.implementingAgency },
        { label: t('guide:basicInfo.acceptingBody'), value: info.acceptingBody },
        { label: t('guide:basicInfo.servedParties'), value: info.servedParties },
        matter.department !== null && { label: t('guide:basicInfo.department'), value: matter.department.name },
        { label: t('guide:basicInfo.caseType'), value: t(`enums:caseType.${matter.caseType}`) },
        { label: t('guide:basicInfo.handling'), value: t(`enums:handling.${matter.handling}`) },
        {
          label: t('guide:basicInfo.channels'),
          value: matter.channels.map((channel) => t(`enums:channel.${channel}`)).join(' · '),
        },
        {
          label: t('guide:basicInfo.crossVillage'),
          value: matter.crossVillage ? t('guide:basicInfo.crossVillageYes') : t('guide:basicInfo.crossVillageNo'),
        },
        { label: t('guide:basicInfo.code'), value: <span className="code">{matter.code}</span> },
        { label: t('guide:basicInfo.version'), value: <span className="code">{matter.version}</span> },
      ]}
    />
  );
}

/** 办理地点和时间 */
export function PlacesSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  return (
    <ul className="guide-cards">
      {guide.placesAndHours.map((place) => (
        <li className="guide-card" key={`${place.name} ${place.address}`}>
          <p className="guide-card-title">{place.name}</p>
          <Facts
            rows={[
              { label: t('guide:places.address'), value: place.address },
              { label: t('guide:places.hours'), value: place.hours },
              place.phone !== undefined && {
                label: t('guide:places.phone'),
                value: <span className="phone-number">{place.phone}</span>,
              },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

/** 受理条件 */
export function ConditionsSection({ guide }: { guide: Guide }) {
  return (
    <ul className="guide-bullets">
      {guide.conditions.map((condition) => (
        <li key={condition}>{condition}</li>
      ))}
    </ul>
  );
}

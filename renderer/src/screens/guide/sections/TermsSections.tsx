import { useT } from '../../../i18n/use-t';
import type { Guide } from '../../../../../platform/contract/catalog';
import { Facts } from './Facts';

/** 收费标准 */
export function FeesSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  return (
    <div className="guide-fees">
      <span className={guide.fees.charged ? 'badge badge--handling' : 'badge badge--free'}>
        {guide.fees.charged ? t('guide:fees.charged') : t('guide:fees.free')}
      </span>
      <p>{guide.fees.description}</p>
    </div>
  );
}

/** 设定依据 */
export function LegalBasisSection({ guide }: { guide: Guide }) {
  return (
    <ul className="guide-bullets">
      {guide.legalBasis.map((basis) => (
        <li key={basis}>{basis}</li>
      ))}
    </ul>
  );
}

/** 常见问题, all open: an accordion hides answers from people who do not know to tap it. */
export function FaqSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  if (guide.faq.length === 0) return <p className="guide-empty">{t('guide:faq.none')}</p>;
  return (
    <dl className="faq">
      {guide.faq.map((item) => (
        <div className="faq-item" key={item.question}>
          <dt>
            <span className="faq-mark">{t('guide:faq.question')}</span>
            {item.question}
          </dt>
          <dd>
            <span className="faq-mark faq-mark--answer">{t('guide:faq.answer')}</span>
            {item.answer}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** 服务承诺: 法定 and 承诺 time limits in working days; a 即办件 is 当场办结. */
export function PromiseSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  const { legalWorkingDays, promisedWorkingDays, note } = guide.promise;
  return (
    <Facts
      rows={[
        {
          label: t('guide:promise.legal'),
          value:
            legalWorkingDays === null
              ? t('guide:promise.noLegalLimit')
              : t('guide:promise.workingDays', { count: legalWorkingDays }),
        },
        {
          label: t('guide:promise.promised'),
          value:
            promisedWorkingDays === 0
              ? t('guide:promise.onTheSpot')
              : t('guide:promise.workingDays', { count: promisedWorkingDays }),
        },
        note !== undefined && { label: t('guide:promise.note'), value: note },
      ]}
    />
  );
}

/** 到现场次数 */
export function VisitsSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  return (
    <p className="guide-big-fact">
      {guide.visitsNeeded === 0 ? t('guide:visits.none') : t('guide:visits.count', { count: guide.visitsNeeded })}
    </p>
  );
}

/** 咨询电话 / 投诉电话, big enough to copy down from arm's length. */
export function ContactSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  return (
    <Facts
      rows={[
        {
          label: t('guide:contact.consult'),
          value: <span className="phone-number">{guide.contact.consultPhone}</span>,
        },
        {
          label: t('guide:contact.complaint'),
          value: <span className="phone-number">{guide.contact.complaintPhone}</span>,
        },
      ]}
    />
  );
}

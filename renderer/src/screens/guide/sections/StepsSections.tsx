import { useT } from '../../../i18n/use-t';
import type { Guide } from '../../../../../platform/contract/catalog';
import { Facts } from './Facts';

/** 特殊环节: 公示, 入户调查 … and whether their time counts toward the promised limit. */
export function SpecialStepsSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  if (guide.specialSteps.length === 0) return <p className="guide-empty">{t('guide:specialSteps.none')}</p>;
  return (
    <ul className="guide-cards">
      {guide.specialSteps.map((step) => (
        <li className="guide-card" key={step.name}>
          <p className="guide-card-title">
            <span>{step.name}</span>
            <span className="badge badge--handling" data-counts={step.countsTowardLimit}>
              {step.countsTowardLimit ? t('guide:specialSteps.counts') : t('guide:specialSteps.notCounts')}
            </span>
          </p>
          <Facts
            rows={[
              { label: t('guide:specialSteps.timeLimit'), value: step.timeLimit },
              step.note !== undefined && { label: t('guide:specialSteps.note'), value: step.note },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

/** 办理流程, numbered in big circles. */
export function ProcessSection({ guide }: { guide: Guide }) {
  const { t } = useT();
  return (
    <ol className="process-steps">
      {guide.process.map((step, index) => (
        <li className="process-step" key={`${index} ${step.title}`}>
          <span className="process-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="visually-hidden">{t('guide:process.step', { count: index + 1 })}</span>
          <div className="process-text">
            <p className="process-title">{step.title}</p>
            <p>{step.description}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

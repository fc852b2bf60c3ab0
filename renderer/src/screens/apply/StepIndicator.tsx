import { useT } from '../../i18n/use-t';

const STEPS = ['form', 'materials', 'delivery', 'review'] as const;
type Step = (typeof STEPS)[number];

/** Where the resident is among the four steps, in words and numbers (not by colour alone). */
export function StepIndicator({ current }: { current: Step }) {
  const { t } = useT();
  const currentIndex = STEPS.indexOf(current);
  return (
    <ol className="apply-steps" data-testid="apply-steps">
      {STEPS.map((step, index) => (
        <li
          key={step}
          className="apply-steps-item"
          data-step={step}
          data-status={index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo'}
          aria-current={index === currentIndex ? 'step' : undefined}
        >
          <span className="apply-steps-number">{index + 1}</span> {t(`apply:steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}

import type { MatterSummary } from '../../../../../core/api/contract';
import { Words } from '../../../components/words/Words';
import { useT } from '../../../i18n/use-t';
import { ChoicePages } from '../../../journey/ChoicePages';
import { StepHint } from './StepHint';

/** Booking's first question when the journey was not opened from a matter: which matter. */
export function MatterStep({
  matters,
  onChoose,
}: {
  matters: readonly MatterSummary[];
  onChoose: (matterCode: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="journey-step">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:matter.title')}
      </h2>
      <StepHint text={t('appointment:matter.hint')} />
      <ChoicePages
        testId="appointment-matters"
        items={matters}
        keyOf={(m) => m.code}
        render={(m) => (
          <button type="button" className="tile journey-tile" data-code={m.code} onClick={() => onChoose(m.code)}>
            <span className="tile-text">
              <span className="tile-label">
                <Words text={m.name} />
              </span>
            </span>
          </button>
        )}
      />
    </div>
  );
}

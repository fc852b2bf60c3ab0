import type { ServicePoint } from '../../../../../platform/contract/service-points';
import { Words } from '../../../components/words/Words';
import { useT } from '../../../i18n/use-t';
import { ChoicePages } from '../../../journey/ChoicePages';
import { JourneyNotice } from '../../../journey/JourneyNotice';
import { StepHint } from './StepHint';

/** Which service point: the bookable ones, nearest first and marked so. */
export function PointStep({
  points,
  onChoose,
}: {
  points: readonly ServicePoint[];
  onChoose: (servicePointId: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="journey-step">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:point.title')}
      </h2>
      <StepHint text={t('appointment:point.hint')} />
      {points.length === 0 ? (
        <JourneyNotice testId="appointment-no-points" tone="info">
          <p data-speech="hint">{t('appointment:point.none')}</p>
        </JourneyNotice>
      ) : (
        <ChoicePages
          testId="appointment-points"
          items={points}
          keyOf={(p) => p.id}
          render={(p) => (
            <button type="button" className="tile journey-tile" data-point={p.id} onClick={() => onChoose(p.id)}>
              <span className="tile-text">
                <span className="tile-label">
                  <Words text={p.name} />
                </span>
                <span className="tile-hint">{p.address}</span>
                {p.id === points[0]?.id && <span className="tile-count">{t('appointment:point.nearest')}</span>}
              </span>
            </button>
          )}
        />
      )}
    </div>
  );
}

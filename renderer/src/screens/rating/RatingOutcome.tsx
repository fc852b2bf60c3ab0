import type { RatingResult } from '../../../../core/api/care';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import type { RatingProblem } from './rating-machine';

/** The thanks: where the rating is (platform or this kiosk) and the 差评 work order if there is one. */
export function RatingThanks({
  result,
  bad,
  moreToRate,
  onAnother,
  onDone,
}: {
  result: RatingResult;
  bad: boolean;
  moreToRate: boolean;
  onAnother: () => void;
  onDone: () => void;
}) {
  const { t } = useT();
  return (
    <div className="state-panel" data-testid="rating-thanks" data-status={result.status}>
      <UiIcon name="check" size={72} />
      <h2 className="state-title" data-speech="title">
        {t('rating:thanks.title')}
      </h2>
      <p className="state-body" data-testid="rating-delivery" data-speech="hint">
        {result.status === 'delivered' ? t('rating:thanks.delivered') : t('rating:thanks.savedOffline')}
      </p>
      {result.workOrderNo && (
        <p className="state-body" data-testid="rating-work-order">
          {t('rating:thanks.workOrder')} <span className="code">{result.workOrderNo}</span>
        </p>
      )}
      {bad && (
        <p className="state-body" data-testid="rating-follow-up-by">
          {result.followUpBy
            ? t('rating:thanks.followUpBy', { date: result.followUpBy })
            : t('rating:thanks.followUpPending')}
        </p>
      )}
      <div className="state-actions">
        {moreToRate && (
          <button type="button" className="button button--primary" data-testid="rating-another" onClick={onAnother}>
            {t('rating:thanks.another')}
          </button>
        )}
        <button type="button" className="button" data-testid="rating-done" onClick={onDone}>
          {t('rating:done')}
        </button>
      </div>
    </div>
  );
}

/** Plain words for each way the journey can stop, and a way on. */
export function RatingProblemPanel({
  problem,
  hotline,
  moreToRate,
  onResend,
  onAnother,
  onDone,
}: {
  problem: RatingProblem;
  hotline: string;
  moreToRate: boolean;
  onResend: () => void;
  onAnother: () => void;
  onDone: () => void;
}) {
  const { t } = useT();
  return (
    <div className="state-panel" role="alert" data-testid="rating-problem" data-problem={problem}>
      <UiIcon name="info" size={72} />
      <p className="state-body" data-speech="hint">
        {t(`rating:problem.${problem}`)}
      </p>
      <p className="state-hotline">
        <UiIcon name="phone" />
        {t('hotline.label')} <span className="phone-number">{hotline}</span>
      </p>
      <div className="state-actions">
        {problem === 'sendFailed' && (
          <button type="button" className="button button--primary" data-testid="rating-resend" onClick={onResend}>
            {t('retry')}
          </button>
        )}
        {problem !== 'sendFailed' && moreToRate && (
          <button type="button" className="button button--primary" data-testid="rating-another" onClick={onAnother}>
            {t('rating:thanks.another')}
          </button>
        )}
        <button type="button" className="button" data-testid="rating-done" onClick={onDone}>
          {t('rating:done')}
        </button>
      </div>
    </div>
  );
}

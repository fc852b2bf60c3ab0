import type { CaseLookup, CaseStatus } from '../../../../core/api/care';
import { useT } from '../../i18n/use-t';
import { useStationTime } from '../../api/use-station-time';
import '../../journey/journeys.css';

/** One case: state, steps as a vertical timeline, next step, promised date, how the result comes (never to whom). */
export function CaseDetail({
  lookup,
  pointName,
}: {
  lookup: CaseLookup;
  /** The service point's name for a pick-up, in words (never its id). */
  pointName: (id: string) => string;
}) {
  const { t } = useT();
  const time = useStationTime();
  if (lookup.found === 'pendingHere') {
    const { application } = lookup;
    return (
      <div className="progress-case" data-testid="progress-detail" data-found="pendingHere">
        <h2 className="journey-step-title" data-speech="title">
          {t('progress:detail.pendingTitle')}
        </h2>
        <p className="journey-banner" data-speech="hint">
          {t('progress:detail.pendingBody', { matter: application.matterName })}
        </p>
        <p className="journey-note">
          {t('progress:detail.submittedAt', { time: time.dayTime(application.submittedAt) })}
        </p>
      </div>
    );
  }
  const progress: CaseStatus = lookup.progress;
  return (
    <div className="progress-case" data-testid="progress-detail" data-found="platform" data-state={progress.state}>
      <h2 className="journey-step-title" data-speech="title">
        {progress.matter.matterName}
      </h2>
      <p className="journey-note">{t('progress:detail.caseNo', { caseNo: progress.caseNo })}</p>
      {progress.state === 'readyForPickup' && (
        <p className="progress-ready" data-testid="progress-ready">
          {t('progress:detail.readyForPickup')}
        </p>
      )}
      {/* Spoken as what to know now: the state and the next step (no personal data in either). */}
      <dl className="journey-summary" data-speech="hint">
        <dt>{t('progress:detail.state')}</dt>
        <dd data-testid="progress-state">{progress.stateName}</dd>
        <dt>{t('progress:detail.nextStep')}</dt>
        <dd>{progress.nextStep ?? '—'}</dd>
      </dl>
      <p className="journey-note">
        {progress.promisedBy
          ? t('progress:detail.promised', { date: time.day(progress.promisedBy) })
          : t('progress:detail.noPromise')}
      </p>
      <p className="journey-note">
        {progress.delivery.method === 'pickUp'
          ? t('progress:detail.deliveryPickUp', { place: pointName(progress.delivery.servicePointId) })
          : t('progress:detail.deliveryMail')}
      </p>
      <h3 className="journey-step-title">{t('progress:detail.steps')}</h3>
      <ol className="progress-timeline" data-testid="progress-steps">
        {progress.steps.map((step, index) => (
          <li key={`${index} ${step.name}`} className="progress-step" data-state={step.state}>
            {step.name}
            <span className="progress-step-state">
              {t(`progress:detail.step.${step.state}`)}
              {step.at && ` · ${time.dayTime(step.at)}`}
            </span>
            {step.note && <p className="journey-note">{step.note}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

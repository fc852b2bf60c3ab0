import { useMachine } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import { apiPart } from '../../api/api-part';
import { useClient } from '../../api/api-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { useScannerFitted } from '../../api/use-devices';
import { placeName } from '../../format/place-name';
import { useT } from '../../i18n/use-t';
import { useFinishVisit, useShellSend } from '../../shell/shell-context';
import { useStepBack } from '../../shell/step-back';
import { Loading } from '../../states/Loading';
import { SignIn } from '../signin/SignIn';
import { JourneyNotice } from '../../journey/JourneyNotice';
import { CaseDetail } from './CaseDetail';
import { MyCasesList } from './MyCasesList';
import { progressMachine, progressMethods } from './progress-machine';
import { ReferenceEntry } from './ReferenceEntry';
import '../../journey/journeys.css';
import '../../scan/scan.css';

/** 办件进度查询: by ID card, or by the receipt's number (typed or scanned). */
export function ProgressJourney({ scannedReference = null }: { scannedReference?: string | null } = {}) {
  const { t } = useT();
  const client = useClient();
  const api = useMemo(() => apiPart(client, progressMethods), [client]);
  const send = useShellSend();
  const finishVisit = useFinishVisit();
  const { station } = useKioskInfo();
  const [snapshot, sendStep] = useMachine(progressMachine, { input: { api, scannedReference } });
  const scannerFitted = useScannerFitted();
  const done = snapshot.status === 'done';
  useEffect(() => {
    // 完成 on the case: the resident is done, the visit ends.
    if (done) finishVisit();
  }, [done, finishVisit]);
  const { mine, lookup, problem } = snapshot.context;
  // The bar's 返回 goes back to the two ways (card or number) from a step that has a way back.
  useStepBack(snapshot.can({ type: 'BACK' }) ? () => sendStep({ type: 'BACK' }) : null);

  return (
    <section className="screen journey" data-testid="progress-journey" data-step={JSON.stringify(snapshot.value)}>
      <header className="screen-heading">
        <h1 className="screen-title" data-speech="title">
          {t('progress:title')}
        </h1>
      </header>

      {snapshot.matches('choosing') && (
        <div className="journey-step">
          <p className="screen-subtitle" data-speech="hint">
            {t('progress:subtitle')}
          </p>
          {scannerFitted && (
            <p className="scan-hint" data-testid="scan-hint" data-speech="hint">
              {t('scan:hint.receipt')}
            </p>
          )}
          <ul className="journey-choice-grid">
            <li>
              <button
                type="button"
                className="tile journey-tile"
                data-way="card"
                onClick={() => sendStep({ type: 'BY_CARD' })}
              >
                <span className="tile-text">
                  <span className="tile-label">{t('progress:byCard')}</span>
                  <span className="tile-hint">{t('progress:byCardHint')}</span>
                </span>
              </button>
            </li>
            <li>
              <button
                type="button"
                className="tile journey-tile"
                data-way="number"
                onClick={() => sendStep({ type: 'BY_NUMBER' })}
              >
                <span className="tile-text">
                  <span className="tile-label">
                    {scannerFitted ? t('progress:byNumber') : t('scan:withoutScanner.byNumber')}
                  </span>
                  <span className="tile-hint">
                    {scannerFitted ? t('progress:byNumberHint') : t('scan:withoutScanner.byNumberHint')}
                  </span>
                </span>
              </button>
            </li>
          </ul>
        </div>
      )}

      {snapshot.matches('signingIn') && (
        <SignIn
          purpose="progress"
          allowAgent
          requireCard="progress"
          onSignedIn={() => sendStep({ type: 'SIGNED_IN' })}
          onCancel={() => sendStep({ type: 'SIGN_IN_CANCELLED' })}
        />
      )}

      {snapshot.matches('loadingMine') && <Loading message="loading" />}
      {snapshot.matches({ looking: 'waiting' }) && <Loading message="loading" />}
      {snapshot.matches({ looking: 'slow' }) && (
        <p className="journey-busy" role="status" data-speech="hint">
          {t('progress:stillLooking')}
        </p>
      )}

      {snapshot.matches('mine') && mine && (
        <>
          <MyCasesList mine={mine} onOpen={(reference) => sendStep({ type: 'LOOKUP', reference })} />
        </>
      )}

      {snapshot.matches('entering') && (
        <ReferenceEntry
          initial={snapshot.context.reference}
          scannerFitted={scannerFitted}
          onLookup={(reference) => sendStep({ type: 'LOOKUP', reference })}
        />
      )}

      {snapshot.matches('problem') && problem && (
        <JourneyNotice
          testId="progress-problem"
          actions={
            <button type="button" className="button button--primary" onClick={() => sendStep({ type: 'BACK' })}>
              {t('progress:tryAgain')}
            </button>
          }
        >
          <p data-speech="hint">
            {problem === 'notFound' && t('progress:notFound')}
            {problem === 'unavailable' && t('progress:unavailable', { hotline: station.hotline })}
            {problem === 'failed' && t('progress:failed', { hotline: station.hotline })}
          </p>
        </JourneyNotice>
      )}

      {snapshot.matches('detail') && lookup && (
        <>
          <DetailWithPlaces lookup={lookup} />
          <div className="journey-actions">
            <button
              type="button"
              className="button"
              onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'rating' } })}
            >
              {t('progress:detail.rate')}
            </button>
            <button type="button" className="button" onClick={() => sendStep({ type: 'ANOTHER' })}>
              {t('progress:detail.another')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="progress-done"
              onClick={() => sendStep({ type: 'FINISH' })}
            >
              {t('progress:detail.done')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** The case, with a pick-up place named from the service map, or this station's own name. */
function DetailWithPlaces({ lookup }: { lookup: Parameters<typeof CaseDetail>[0]['lookup'] }) {
  const pickUp = lookup.found === 'platform' && lookup.progress.delivery.method === 'pickUp';
  return pickUp ? <DetailNamingPlaces lookup={lookup} /> : <CaseDetail lookup={lookup} pointName={() => ''} />;
}

function DetailNamingPlaces({ lookup }: { lookup: Parameters<typeof CaseDetail>[0]['lookup'] }) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const map = useApiQuery('serviceMap.points', {}, '');
  const names = new Map(map.status === 'ok' ? map.value.servicePoints.map((p) => [p.id, p.name] as const) : []);
  return <CaseDetail lookup={lookup} pointName={(id) => placeName(id, names, station, t('common:place.unknown'))} />;
}

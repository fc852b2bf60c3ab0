import { useFinishVisit } from '../../shell/shell-context';
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { useElder } from '../../components/ChoicePages';
import { apiPart } from '../../api/api-part';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useT } from '../../i18n/use-t';
import { useClientRememberingPhones } from '../../shell/visit-memory';
import { Loading } from '../../states/Loading';
import { createRatingMachine, isBadLevel, ratingMethods } from './rating-machine';
import { RatingForm } from './RatingForm';
import { RatingProblemPanel, RatingThanks } from './RatingOutcome';
import { ServiceChoice } from './ServiceChoice';
import { TicketNumberEntry } from './TicketNumberEntry';
import './rating.css';

/**
 * 好差评 for what this visit did. The screen and the 好差评 keypad choose the same level; the
 * machine (rating-machine.ts) holds the rules and the timeouts, this only draws it.
 */
export function RatingJourney({
  scannedServiceRef = null,
  onExit,
}: {
  /** Opened by scanning a ticket: that ticket's service is rated first. */
  scannedServiceRef?: string | null;
  onExit: () => void;
}) {
  // A ticket found by its number starts the journey again with it first, as a scanned one does.
  const [firstRef, setFirstRef] = useState(scannedServiceRef);
  return (
    <RatingJourneyRun key={firstRef ?? ''} scannedServiceRef={firstRef} onExit={onExit} onTicketFound={setFirstRef} />
  );
}

function RatingJourneyRun({
  scannedServiceRef,
  onExit,
  onTicketFound,
}: {
  scannedServiceRef: string | null;
  onExit: () => void;
  onTicketFound: (serviceRef: string) => void;
}) {
  const { t } = useT();
  const [byNumber, setByNumber] = useState(false);
  // A phone sent here is offered again by the next journey of this visit.
  const client = useClientRememberingPhones();
  const { station } = useKioskInfo();
  const elder = useElder();
  const [machine] = useState(() => createRatingMachine(apiPart(client, ratingMethods), undefined, scannedServiceRef));
  const [state, send] = useMachine(machine);

  useEffect(
    () =>
      client.on('keypad.pressed', ({ level }) => {
        if (level !== null) send({ type: 'LEVEL', level: level as 1 | 2 | 3 | 4 | 5 });
      }),
    [client, send],
  );

  const done = state.status === 'done';
  useEffect(() => {
    if (done) onExit();
  }, [done, onExit]);

  const { draft, options, services, result, problem } = state.context;
  const moreToRate = services.some((service) => !service.rated);
  const exit = () => send({ type: 'EXIT' });
  // Rated (完成 on the thanks): the resident is done, the visit ends.
  const finishVisit = useFinishVisit();
  const another = () => send({ type: 'RATE_ANOTHER' });

  const byNumberButton = (
    <button
      type="button"
      className="button"
      data-testid="rating-by-number"
      onClick={() => {
        send({ type: 'ACTIVITY' });
        setByNumber(true);
      }}
    >
      {t('rating:byNumber.open')}
    </button>
  );

  let body;
  if (byNumber && (state.matches('nothingToRate') || state.matches('choosing'))) {
    body = (
      <TicketNumberEntry
        api={apiPart(client, ['rating.ticketByNumber'])}
        onFound={onTicketFound}
        onCancel={() => setByNumber(false)}
      />
    );
  } else if (state.matches('loading') || state.matches('routing') || done) {
    body = <Loading />;
  } else if (state.matches('nothingToRate')) {
    body = (
      <div className="state-panel" data-testid="rating-nothing">
        <h2 className="state-title" data-speech="title">
          {t('rating:nothing')}
        </h2>
        <p className="state-body" data-speech="hint">
          {t('rating:nothingBody')}
        </p>
        <div className="state-actions">
          {byNumberButton}
          <button type="button" className="button button--primary" data-testid="rating-done" onClick={exit}>
            {t('rating:back')}
          </button>
        </div>
      </div>
    );
  } else if (state.matches('choosing')) {
    body = (
      <>
        <ServiceChoice
          services={services.filter((service) => !service.rated)}
          onChoose={(ref) => send({ type: 'CHOOSE_SERVICE', ref })}
        />
        <div className="state-actions">{byNumberButton}</div>
      </>
    );
  } else if ((state.matches('rating') || state.matches('submitting')) && draft && options) {
    body = <RatingForm draft={draft} options={options} sending={state.matches('submitting')} send={send} />;
  } else if (state.matches('thanks') && result) {
    body = (
      <RatingThanks
        result={result}
        bad={isBadLevel(draft?.level ?? null)}
        moreToRate={moreToRate}
        onAnother={another}
        onDone={finishVisit}
      />
    );
  } else {
    body = (
      <RatingProblemPanel
        problem={problem ?? 'sendFailed'}
        hotline={station.hotline}
        moreToRate={moreToRate}
        onResend={() => send({ type: 'SUBMIT' })}
        onAnother={another}
        onDone={exit}
      />
    );
  }

  return (
    <section
      className="screen rating"
      data-testid="rating-screen"
      data-state={String(state.value)}
      aria-labelledby="rating-title"
      // Any touch counts as the resident still being here (the untouched timeout restarts).
      onPointerDown={() => send({ type: 'ACTIVITY' })}
    >
      <header className="screen-heading">
        <h1 id="rating-title" className="screen-title" data-speech="title">
          {t('rating:title')}
        </h1>
        {/* 长辈版 keeps the five levels on one screen; each of its steps says what to do instead. */}
        {!elder && <p className="screen-subtitle">{t('rating:subtitle')}</p>}
      </header>
      <div className="rating-body">{body}</div>
    </section>
  );
}

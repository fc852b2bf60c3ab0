import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useRef } from 'react';
import { AgentRelation, type ResidentSessionState, type SignedInPerson } from '../../../../core/api/resident';
import { useClient } from '../../api/api-context';
import { apiPart } from '../../api/api-part';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useShellSend } from '../../shell/shell-context';
import { useJourneyAvailability } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { CardIllustration } from './CardIllustration';
import { signInMachine, signInMethods, type SignInEvent } from './sign-in-machine';
import { TypedSignIn } from './TypedSignIn';
import './signin.css';

/** Journeys that open a person's stored records, and so take only the ID card. */
export type CardOnlyPurpose = 'progress' | 'checkIn';

export interface SignInProps {
  /** What the resident is signing in for; changes the title and the spoken prompt. */
  readonly purpose: 'apply' | 'appointment' | 'checkIn' | 'progress';
  /** Offer "为他人办理" (sign in as 经办人 first, then the applicant). */
  readonly allowAgent: boolean;
  /**
   * The journey opens the person's stored records: only the ID card will do, never a typed number.
   * The screen says why and offers help instead of the keypad.
   */
  readonly requireCard?: CardOnlyPurpose;
  /** Called once the applicant (and agent, if any) are signed in. */
  readonly onSignedIn: (state: ResidentSessionState) => void;
  readonly onCancel: () => void;
}

/**
 * Who is this: the ID card on the reader, or the number typed on the keypad; for 为他人办理 the
 * agent first, then the applicant. Shows only the name and the masked number once signed in,
 * with a way out for the wrong person ("不是您？重新读卡").
 */
export function SignIn({ purpose, allowAgent, requireCard, onSignedIn, onCancel }: SignInProps) {
  const { t } = useT();
  const client = useClient();
  const availability = useJourneyAvailability();
  const shellSend = useShellSend();
  const { station } = useKioskInfo();
  const api = useMemo(() => apiPart(client, signInMethods), [client]);
  const [snapshot, send, actor] = useMachine(signInMachine, {
    input: { api, allowAgent, readerAvailable: availability.idCardSignIn, requireCard: requireCard !== undefined },
  });
  const askForHelp = () => shellSend({ type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: null } });

  useEffect(() => {
    send({ type: 'READER_CHANGED', available: availability.idCardSignIn });
  }, [availability.idCardSignIn, send]);

  useEffect(
    () =>
      client.on('idCard.event', (event) => {
        const mapped: Record<typeof event.type, SignInEvent['type']> = {
          present: 'CARD_PRESENT',
          read: 'CARD_READ',
          removed: 'CARD_REMOVED',
          failed: 'CARD_FAILED',
        };
        actor.send({ type: mapped[event.type] } as SignInEvent);
      }),
    [client, actor],
  );

  // onSignedIn once, however often the component renders after the machine finished.
  const reported = useRef(false);
  useEffect(() => {
    if (snapshot.status === 'done' && snapshot.output && !reported.current) {
      reported.current = true;
      onSignedIn(snapshot.output);
    }
  }, [snapshot.status, snapshot.output, onSignedIn]);

  const { context } = snapshot;
  const stateName = typeof snapshot.value === 'string' ? snapshot.value : 'checking';
  const agent = context.session?.agent ?? null;
  const step = context.role === 'agent' ? 'agent' : agent !== null ? 'applicant' : null;

  return (
    <section className="screen sign-in" data-testid="sign-in" data-state={stateName} aria-labelledby="sign-in-title">
      <header className="screen-heading">
        <h1 id="sign-in-title" className="screen-title" data-speech="title">
          {t(`signin:title.${purpose}`)}
        </h1>
      </header>
      <div className="sign-in-body">
        {requireCard !== undefined && !snapshot.matches('signedIn') && (
          <div className="sign-in-card-only" data-testid="card-required">
            <p className="sign-in-prompt" data-speech="hint">
              {t(`signin:cardOnly.why.${requireCard}`)}
            </p>
            <p className="sign-in-hint">{t('signin:cardOnly.whyHint')}</p>
          </div>
        )}
        {step !== null && !snapshot.matches('signedIn') && (
          <p className="sign-in-step" data-testid="sign-in-step" data-speech="title">
            {t(`signin:step.${step}`)}
          </p>
        )}
        {agent !== null && context.role === 'applicant' && !snapshot.matches('signedIn') && (
          <p className="sign-in-done" data-testid="agent-done">
            {t('signin:agentDone', { name: agent.name, relation: t(`signin:relation.${agent.relation}`) })}
          </p>
        )}
        {context.notice !== 'none' && (
          // Spoken first among the hints: it says what went wrong and what to do instead.
          <p
            className="sign-in-notice"
            role="alert"
            data-testid="sign-in-notice"
            data-notice={context.notice}
            data-speech="hint"
          >
            {t(`signin:notice.${context.notice}`)}
          </p>
        )}
        {(snapshot.matches('checking') || snapshot.matches('signingOut') || snapshot.matches('done')) && (
          <p className="sign-in-hint" data-speech="hint">
            {t('signin:checking')}
          </p>
        )}
        {snapshot.matches('chooseWho') && (
          <div className="sign-in-choices" role="group" aria-label={t('signin:who.question')}>
            <h2 className="sign-in-prompt" data-speech="hint">
              {t('signin:who.question')}
            </h2>
            <button
              type="button"
              className="button button--primary"
              data-testid="sign-in-self"
              onClick={() => send({ type: 'SELF' })}
            >
              {t('signin:who.self')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="sign-in-for-other"
              onClick={() => send({ type: 'FOR_OTHER' })}
            >
              {t('signin:who.other')}
            </button>
            <p className="sign-in-hint">{t('signin:who.otherHint')}</p>
          </div>
        )}
        {snapshot.matches('pickRelation') && (
          <div className="sign-in-choices" role="group" aria-label={t('signin:relation.question')}>
            <h2 className="sign-in-prompt" data-speech="hint">
              {t('signin:relation.question')}
            </h2>
            {AgentRelation.options.map((relation) => (
              <button
                key={relation}
                type="button"
                className="button"
                data-relation={relation}
                onClick={() => send({ type: 'PICK_RELATION', relation })}
              >
                {t(`signin:relation.${relation}`)}
              </button>
            ))}
          </div>
        )}
        {(snapshot.matches('waitingForCard') ||
          snapshot.matches('reading') ||
          snapshot.matches('signingInWithCard')) && (
          <div className="sign-in-card" data-testid="card-prompt">
            <CardIllustration />
            <p className="sign-in-prompt" aria-live="polite" data-speech="hint">
              {snapshot.matches('waitingForCard') ? t('signin:card.prompt') : t('signin:card.reading')}
            </p>
            <p className="sign-in-hint">{t('signin:card.hint')}</p>
            <div className="sign-in-actions">
              <button
                type="button"
                className="button"
                disabled={!snapshot.matches('waitingForCard')}
                onClick={() => send({ type: 'CARD_PLACED' })}
              >
                {t('signin:card.placed')}
              </button>
              {requireCard === undefined ? (
                <button
                  type="button"
                  className="button"
                  data-testid="type-instead"
                  disabled={snapshot.matches('signingInWithCard')}
                  onClick={() => send({ type: 'TYPE_INSTEAD' })}
                >
                  {t('signin:card.typeInstead')}
                </button>
              ) : (
                <button type="button" className="button" data-testid="card-required-help" onClick={askForHelp}>
                  {t('signin:cardOnly.noCard')}
                </button>
              )}
            </div>
          </div>
        )}
        {snapshot.matches('cardUnavailable') && (
          <div className="sign-in-card" data-testid="card-unavailable">
            <p className="sign-in-prompt" role="alert" data-speech="hint">
              {t('signin:cardOnly.unavailable', { hotline: station.hotline })}
            </p>
            <div className="sign-in-actions">
              <button
                type="button"
                className="button button--primary"
                data-testid="card-required-help"
                onClick={askForHelp}
              >
                {t('signin:cardOnly.noCard')}
              </button>
            </div>
          </div>
        )}
        {(snapshot.matches('typing') || snapshot.matches('signingInWithIdNumber')) && (
          <>
            <TypedSignIn
              key={context.role}
              initial={context.typed}
              busy={snapshot.matches('signingInWithIdNumber')}
              onSubmit={(typed) => send({ type: 'SUBMIT_TYPED', ...typed })}
            />
            {context.readerAvailable && (
              <div className="sign-in-actions">
                <button
                  type="button"
                  className="button"
                  data-testid="typed-use-card"
                  disabled={snapshot.matches('signingInWithIdNumber')}
                  onClick={() => send({ type: 'USE_CARD' })}
                >
                  {t('signin:typed.useCard')}
                </button>
              </div>
            )}
          </>
        )}
        {(snapshot.matches('signingInWithCard') || snapshot.matches('signingInWithIdNumber')) && (
          <p className="sign-in-hint" aria-live="polite">
            {t('signin:busy')}
          </p>
        )}
        {snapshot.matches('signedIn') && context.session?.applicant && (
          <SignedInConfirmation
            applicant={context.session.applicant}
            onContinue={() => send({ type: 'CONTINUE' })}
            onNotMe={() => send({ type: 'NOT_ME' })}
          />
        )}
        {!snapshot.matches('signedIn') && !snapshot.matches('done') && (
          <div className="sign-in-actions">
            <button type="button" className="button" data-testid="sign-in-cancel" onClick={onCancel}>
              {t('signin:cancel')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

function SignedInConfirmation({
  applicant,
  onContinue,
  onNotMe,
}: {
  applicant: SignedInPerson;
  onContinue: () => void;
  onNotMe: () => void;
}) {
  const { t } = useT();
  return (
    <div className="sign-in-confirm" data-testid="signed-in">
      <h2 className="sign-in-prompt">{t('signin:signedIn.title')}</h2>
      {/* The name and number below are never marked for speech: personal data is not read aloud. */}
      <p className="sign-in-hint" data-speech="hint">
        {t('signin:signedIn.hint')}
      </p>
      <div className="sign-in-person">
        <span className="sign-in-person-name" data-testid="signed-in-name">
          {applicant.name}
        </span>
        <span className="sign-in-person-id code" data-testid="signed-in-id">
          {applicant.idNumberMasked}
        </span>
      </div>
      <div className="sign-in-actions">
        <button type="button" className="button button--primary" data-testid="sign-in-continue" onClick={onContinue}>
          {t('signin:signedIn.continue')}
        </button>
        <button type="button" className="button" data-testid="sign-in-not-me" onClick={onNotMe}>
          {t('signin:signedIn.notMe')}
        </button>
      </div>
    </div>
  );
}

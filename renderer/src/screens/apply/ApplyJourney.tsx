import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { acceptsLicenceCode } from '../../../../core/api/licence-materials';
import { useScanClaim } from '../../scan/scan-claim';
import { useClient } from '../../api/api-context';
import { useJourneyAvailability } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { phoneGivenInApplication } from '../../shell/phone-given';
import { useVisitMemory } from '../../shell/visit-memory';
import { useFinishVisit, useShellSend } from '../../shell/shell-context';
import { SignIn } from '../signin/SignIn';
import { apiPart } from '../../api/api-part';
import { applyMethods } from './apply-api';
import type { ApplyStep } from './apply-context';
import { applyMachine } from './apply-machine';
import { DeliveryStep } from './DeliveryStep';
import { ConsentPrompt, FormStep } from './FormStep';
import { MaterialsStep } from './MaterialsStep';
import { ReceiptView } from './ReceiptView';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';
import { useApplyCoBrowse } from './apply-co-browse';
import './apply.css';

const START_ERRORS = new Set(['notSelfService', 'notFound', 'catalogEmpty', 'catalogStale']);

/**
 * 自助申报 of one matter, or of a life-event bundle submitted together. The machine
 * (apply-machine.ts) holds every step and what was typed; this component only shows the step
 * the machine is in and passes the resident's taps back as events.
 */
export function ApplyJourney({
  matterCodes,
  lifeEventId,
  onExit,
}: {
  matterCodes: readonly string[];
  lifeEventId: string | null;
  onExit: () => void;
}) {
  const { t } = useT();
  const client = useClient();
  const shellSend = useShellSend();
  const finishVisit = useFinishVisit();
  const { selfServiceSubmission } = useJourneyAvailability();
  const api = useMemo(() => apiPart(client, applyMethods), [client]);
  const [snapshot, send] = useMachine(applyMachine, {
    input: { api, matterCodes, lifeEventId, selfServiceAvailable: selfServiceSubmission },
  });
  const { context } = snapshot;

  useEffect(() => {
    send({ type: 'CAMERA_CHANGED', available: selfServiceSubmission });
  }, [selfServiceSubmission, send]);

  // Once the application is in, its phone number is offered (not filled in) by the next journey
  // of this visit: 评价本次服务's callback, a help request.
  const { rememberPhone } = useVisitMemory();
  const submitted = context.receipt !== null;
  useEffect(() => {
    if (!submitted || !context.draft) return;
    const phone = phoneGivenInApplication(context.draft.fields, context.values, context.delivery);
    if (phone !== null) rememberPhone(phone);
    // Once per receipt: the values cannot change after it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitted]);

  const exited = useRef(false);
  useEffect(() => {
    if (snapshot.status === 'done' && !exited.current) {
      exited.current = true;
      // The receipt was shown (完成, or it timed out): the resident is done, the visit ends.
      finishVisit();
    }
  }, [snapshot.status, finishVisit]);

  const askForHelp = () =>
    shellSend({ type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: matterCodes[0] ?? null } });
  const helpButton = (
    <button type="button" className="button" data-testid="apply-help" onClick={askForHelp}>
      {t('apply:help')}
    </button>
  );

  const step: ApplyStep | 'review' | null = snapshot.matches('form')
    ? 'form'
    : snapshot.matches('materials')
      ? 'materials'
      : snapshot.matches('delivery')
        ? 'delivery'
        : snapshot.matches('review') || snapshot.matches('submitting') || snapshot.matches('submitFailed')
          ? 'review'
          : null;

  // During a 视频帮办 call the agent sees this step and its fields (masked) and may propose values.
  const stepLabel = useCallback((id: ApplyStep | 'review') => t(`apply:steps.${id}`), [t]);
  useApplyCoBrowse(step, context, send, stepLabel);

  // On the materials step a code that is none of ours is a 亮证码 for the material shown: taken
  // for one a licence can stand for, refused in words for any other (nothing else changes).
  const [licenceRefusedFor, setLicenceRefusedFor] = useState<string | null>(null);
  const shownMaterial = snapshot.matches({ materials: 'showing' })
    ? context.draft?.materials[context.materialIndex]
    : undefined;
  useScanClaim(
    shownMaterial
      ? (code) => {
          if (code.kind !== 'other') return false;
          if (acceptsLicenceCode(shownMaterial.name)) {
            setLicenceRefusedFor(null);
            send({ type: 'LICENCE_SCANNED', scanId: code.scanId });
          } else setLicenceRefusedFor(shownMaterial.name);
          return true;
        }
      : null,
  );

  if (snapshot.matches('signIn')) {
    return (
      <SignIn purpose="apply" allowAgent onSignedIn={(state) => send({ type: 'SIGNED_IN', state })} onCancel={onExit} />
    );
  }

  const draft = context.draft;
  const body = (() => {
    if (snapshot.matches('cameraUnavailable')) {
      return (
        <div className="apply-step" data-testid="apply-camera-unavailable">
          <h2 className="apply-question">{t('apply:cameraUnavailable.title')}</h2>
          <p>{t('apply:cameraUnavailable.body')}</p>
          <div className="apply-actions">
            {helpButton}
            <button type="button" className="button" onClick={onExit}>
              {t('apply:exit')}
            </button>
          </div>
        </div>
      );
    }
    if (snapshot.matches('loadingDraft') || snapshot.matches('reloadingDraft') || snapshot.matches('done')) {
      return <p className="screen-subtitle">{t('apply:loading')}</p>;
    }
    if (snapshot.matches('startFailed')) {
      const code = context.startError ?? 'other';
      return (
        <div className="apply-step" data-testid="apply-start-failed" data-code={code}>
          <p className="apply-notice" role="alert">
            {t(`apply:startFailed.${START_ERRORS.has(code) ? (code as 'notFound') : 'other'}`)}
          </p>
          <div className="apply-actions">
            <button type="button" className="button button--primary" onClick={() => send({ type: 'RETRY' })}>
              {t('apply:retry')}
            </button>
            {helpButton}
          </div>
        </div>
      );
    }
    if (snapshot.matches('notSelfService')) {
      return (
        <div className="apply-step" data-testid="apply-not-self-service">
          <h2 className="apply-question">{t('apply:notSelfService.title')}</h2>
          <p>{t('apply:notSelfService.body')}</p>
          <div className="apply-actions">{helpButton}</div>
        </div>
      );
    }
    if (!draft) return null;
    if (snapshot.matches({ form: 'askConsent' }) || snapshot.matches({ form: 'loadingHistory' })) {
      return draft.history ? (
        <ConsentPrompt
          history={draft.history}
          busy={snapshot.matches({ form: 'loadingHistory' })}
          onAccept={() => send({ type: 'ACCEPT_HISTORY' })}
          onDecline={() => send({ type: 'DECLINE_HISTORY' })}
        />
      ) : null;
    }
    if (snapshot.matches('form')) {
      return (
        <FormStep
          context={context}
          onChange={(name, value) => send({ type: 'SET_FIELD', name, value })}
          onNext={() => send({ type: 'NEXT' })}
        />
      );
    }
    if (snapshot.matches('materials')) {
      return (
        <MaterialsStep
          context={context}
          capturing={snapshot.matches({ materials: 'capturing' })}
          onCapture={() => send({ type: 'START_CAPTURE' })}
          onCaptured={(result) => send({ type: 'CAPTURED', ...result })}
          onCancelCapture={() => send({ type: 'CANCEL_CAPTURE' })}
          onSkip={() => send({ type: 'SKIP_MATERIAL' })}
          licenceRefused={licenceRefusedFor !== null && licenceRefusedFor === shownMaterial?.name}
          onRemoveLicence={() => send({ type: 'REMOVE_LICENCE' })}
          onNext={() => send({ type: 'NEXT' })}
          onBack={() => send({ type: 'BACK' })}
        />
      );
    }
    if (snapshot.matches('delivery')) {
      return (
        <DeliveryStep
          context={context}
          draft={draft}
          onChange={(delivery) => send({ type: 'SET_DELIVERY', delivery })}
          onNext={() => send({ type: 'NEXT' })}
          onBack={() => send({ type: 'BACK' })}
        />
      );
    }
    if (step === 'review') {
      return (
        <ReviewStep
          context={context}
          draft={draft}
          submitting={snapshot.matches('submitting') || snapshot.matches('submitFailed')}
          failed={snapshot.matches('submitFailed') && context.submitAttempts > 2}
          onEdit={(target) => send({ type: 'EDIT', step: target })}
          onConfirm={() => send({ type: 'CONFIRM' })}
          onRetry={() => send({ type: 'RETRY' })}
        />
      );
    }
    if ((snapshot.matches('receipt') || snapshot.matches('reprinting')) && context.receipt) {
      return (
        <ReceiptView
          receipt={context.receipt}
          notice={context.notice}
          reprinting={snapshot.matches('reprinting')}
          onReprint={() => send({ type: 'REPRINT' })}
          onRate={() => shellSend({ type: 'OPEN_JOURNEY', journey: { kind: 'rating' } })}
          onFinish={() => send({ type: 'FINISH' })}
        />
      );
    }
    return null;
  })();

  const stateName = JSON.stringify(snapshot.value);
  return (
    <section className="screen apply" data-testid="apply-journey" data-state={stateName} aria-labelledby="apply-title">
      <header className="screen-heading">
        <h1 id="apply-title" className="screen-title">
          {t('apply:title')}
        </h1>
        {draft && (
          <p className="screen-subtitle" data-testid="apply-matters">
            {draft.matters.map((matter) => matter.matterName).join(t('apply:separator'))}
          </p>
        )}
      </header>
      {step !== null && <StepIndicator current={step} />}
      <div className="apply-body">{body}</div>
    </section>
  );
}

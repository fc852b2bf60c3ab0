import { useState, type ReactNode } from 'react';
import { ChoicePages } from '../../components/ChoicePages';
import { PhonePad } from '../../components/keypad/PhonePad';
import { useT } from '../../i18n/use-t';
import { elderStepAfter, elderStepBefore, elderStepProblems, type ElderHelpStep } from './elder-steps';
import { HELP_NEEDS, type HelpForm, type HelpFormProblem } from './help-form';
import type { HelpEvent } from './help-machine';
import { AddressEntry, DayChips, KindTiles, NeedChip, TimeChips } from './help-choices';
import { HelpProblems } from './HelpProblems';

/**
 * 长辈版's help form: one question per step, never more than six choices. A tap on a kind, a time
 * or a day answers and goes on; typed answers (address, phone) go on with 下一步 once they are
 * complete; the reasons come last, with 提交. The step lives in HelpJourney so a failed send
 * comes back to the same step.
 */
export function ElderHelpSteps({
  form,
  problems,
  sending,
  send,
  step,
  onStep,
}: {
  form: HelpForm;
  problems: readonly HelpFormProblem[];
  sending: boolean;
  send: (event: HelpEvent) => void;
  step: ElderHelpStep;
  onStep: (step: ElderHelpStep) => void;
}) {
  const { t } = useT();
  // Problems show once 下一步 was pressed on this step, and go away as they are fixed.
  const [triedStep, setTriedStep] = useState<ElderHelpStep | null>(null);
  const stepProblems = triedStep === step ? elderStepProblems(form, step) : [];
  const before = elderStepBefore(form.kind, step);
  const after = elderStepAfter(form.kind, step);
  const goOn = (kind = form.kind) => {
    const next = elderStepAfter(kind, step);
    if (next) onStep(next);
  };
  const next = () => {
    if (elderStepProblems(form, step).length > 0) setTriedStep(step);
    else goOn();
  };

  const back = before && (
    <button type="button" className="button" data-testid="help-step-back" onClick={() => onStep(before)}>
      {t('help:steps.back')}
    </button>
  );
  const nextButton = after && (
    <button type="button" className="button button--primary" data-testid="help-step-next" onClick={next}>
      {t('help:steps.next')}
    </button>
  );

  let question: string;
  let body: ReactNode;
  let actions: ReactNode = back;
  switch (step) {
    case 'kind':
      question = t('help:kind.label');
      body = (
        <KindTiles
          form={form}
          onChoose={(kind) => {
            send({ type: 'SET_KIND', kind });
            goOn(kind);
          }}
        />
      );
      break;
    case 'time':
      question = t('help:time.label');
      body = (
        <TimeChips
          form={form}
          onChoose={(preferredTime) => {
            send({ type: 'SET_TIME', preferredTime });
            goOn();
          }}
        />
      );
      break;
    case 'day':
      question = t('help:day.label');
      body = (
        <DayChips
          form={form}
          onChoose={(preferredDate) => {
            send({ type: 'SET_DATE', preferredDate });
            goOn();
          }}
        />
      );
      break;
    case 'address':
      question = t('help:steps.address');
      // The pinyin keyboard is one input however many keys it has (data-input-pad).
      body = (
        <div data-input-pad>
          <AddressEntry value={form.address} onChange={(address) => send({ type: 'SET_ADDRESS', address })} />
        </div>
      );
      actions = (
        <>
          {back}
          {nextButton}
        </>
      );
      break;
    case 'phone':
      question = form.kind === 'agentAtStation' ? t('help:steps.phoneOptional') : t('help:steps.phone');
      body = (
        <div data-input-pad>
          <PhonePad
            label={form.kind === 'agentAtStation' ? t('help:phone.optional') : t('help:phone.required')}
            value={form.phone}
            onChange={(phone) => send({ type: 'SET_PHONE', phone })}
            testId="help-phone"
          />
        </div>
      );
      actions = (
        <>
          {back}
          {nextButton}
        </>
      );
      break;
    case 'needs':
      question = t('help:needs.label');
      // Five reasons, 上一步 and 提交: paged two at a time so the screen keeps to six choices.
      body = (
        <ChoicePages
          className="care-chips"
          items={HELP_NEEDS}
          keyOf={(need) => need}
          otherChoices={2}
          render={(need) => <NeedChip form={form} need={need} onToggle={() => send({ type: 'TOGGLE_NEED', need })} />}
        />
      );
      actions = (
        <>
          {back}
          <button
            type="button"
            className="button button--primary help-submit"
            data-testid="help-submit"
            disabled={sending}
            onClick={() => send({ type: 'SUBMIT' })}
          >
            {sending ? t('help:submitting') : t('help:submit')}
          </button>
        </>
      );
      break;
  }

  return (
    <div className="help-form help-steps" data-testid="help-form" data-step={step}>
      <h2 className="help-question" data-speech="hint">
        {question}
      </h2>
      {body}
      <HelpProblems problems={stepProblems.length > 0 ? stepProblems : problems} />
      {actions && <div className="help-step-actions">{actions}</div>}
    </div>
  );
}

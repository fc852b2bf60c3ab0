import { useState, type ReactNode } from 'react';
import type { RatingLevel } from '../../../../platform/contract/ratings';
import { useJourneyAvailability } from '../../api/use-devices';
import { ChoicePages } from '../../components/ChoicePages';
import { PhonePad } from '../../components/keypad/PhonePad';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import {
  elderFirstStep,
  elderRatingSteps,
  elderStepAfter,
  elderStepBefore,
  type ElderRatingStep,
} from './elder-rating-steps';
import { LevelButtons } from './LevelButtons';
import { OptionChip, optionsForLevel } from './OptionChips';
import { ExplainedButton } from '../../components/ExplainedButton';
import { ratingBlockedBy, type RatingFormProps } from './rating-form-props';

/** 上一步, 下一步 (or 提交) beside the options' page: what ChoicePages leaves room for. */
const OPTION_STEP_BUTTONS = 2;

/**
 * 长辈版's rating: one question per step (elder-rating-steps.ts), never more than six choices. A
 * tap on a level answers it and goes on; the options, the comment and the callback phone are
 * optional and go on with 下一步; the last step carries 提交. A level from the 好差评 keypad goes
 * on to that level's questions as a tap would. The draft lives in the rating machine, so the
 * standard form shows the same answers when the profile is switched back.
 */
export function ElderRatingSteps({ draft, options, sending, send }: RatingFormProps) {
  const { t } = useT();
  const { keypadRating } = useJourneyAvailability();
  const stepsOf = (level: RatingLevel | null) => elderRatingSteps(level, optionsForLevel(options, level).length > 0);
  const steps = stepsOf(draft.level);
  const [step, setStep] = useState<ElderRatingStep>(() => elderFirstStep(steps));
  // A level that changes from outside (the keypad) moves on as a tap on the screen does.
  const [levelSeen, setLevelSeen] = useState(draft.level);
  if (draft.level !== levelSeen) {
    setLevelSeen(draft.level);
    setStep(elderFirstStep(steps));
  }
  const current = steps.includes(step) ? step : 'level';
  const before = elderStepBefore(steps, current);
  const after = elderStepAfter(steps, current);
  const blockedBy = ratingBlockedBy(draft);

  const chooseLevel = (level: RatingLevel) => {
    send({ type: 'LEVEL', level });
    // The same level again changes nothing in the draft; it still answers the question.
    setStep(elderFirstStep(stepsOf(level)));
  };

  const back = before && (
    <button type="button" className="button" data-testid="rating-step-back" onClick={() => setStep(before)}>
      {before === 'level' ? t('rating:elder.changeLevel') : t('rating:elder.back')}
    </button>
  );
  const onward = after ? (
    <button
      type="button"
      className="button button--primary"
      data-testid="rating-step-next"
      onClick={() => setStep(after)}
    >
      {t('rating:elder.next')}
    </button>
  ) : (
    <ExplainedButton
      className="button button--primary rating-submit"
      data-testid="rating-submit"
      disabled={sending}
      blockedBy={blockedBy === null ? null : t(blockedBy)}
      onClick={() => send({ type: 'SUBMIT' })}
    >
      {sending ? t('rating:submitting') : t('rating:submit')}
    </ExplainedButton>
  );
  const chosenLine = current !== 'level' && draft.level !== null && (
    <p className="rating-chosen" data-testid="rating-chosen">
      {t('rating:elder.chosen', { label: t(`rating:levelGloss.${draft.level}`) })}
    </p>
  );

  let question: string;
  let hint: string;
  let body: ReactNode;
  switch (current) {
    case 'level':
      // The service is named in the question: one line less, so all five levels fit on the screen.
      question = t('rating:elder.levelsQuestion', { service: draft.service.title });
      hint = keypadRating ? t('rating:elder.levelHintKeypad') : t('rating:elder.levelHint');
      body = <LevelButtons level={draft.level} onChoose={chooseLevel} />;
      break;
    case 'options':
      question = t('rating:optionsTitle');
      hint = t('rating:elder.optionsHint');
      body = (
        <ChoicePages
          items={optionsForLevel(options, draft.level)}
          keyOf={(option) => option.code}
          otherChoices={OPTION_STEP_BUTTONS}
          className="rating-chips rating-chips--pages"
          testId="rating-options"
          render={(option) => (
            <OptionChip
              option={option}
              chosen={draft.optionCodes.includes(option.code)}
              onToggle={(code) => send({ type: 'TOGGLE_OPTION', code })}
            />
          )}
        />
      );
      break;
    case 'comment':
      question = t('rating:elder.commentTitle');
      hint = after ? t('rating:elder.commentHintNext') : t('rating:elder.commentHintSubmit');
      body = (
        <TextEntry
          kind="multiline"
          testId="rating-comment"
          maxLength={300}
          label={t('rating:commentLabel')}
          value={draft.comment}
          onChange={(comment) => send({ type: 'SET_COMMENT', comment })}
        />
      );
      break;
    case 'phone':
      question = t('rating:elder.phoneTitle');
      hint = t('rating:badFollowUp');
      body = (
        <PhonePad
          label={t('rating:phoneLabel')}
          value={draft.callbackPhone}
          onChange={(phone) => send({ type: 'SET_PHONE', phone })}
          testId="rating-phone"
        />
      );
      break;
  }

  return (
    <div className="rating-form" data-testid="rating-form" data-ref={draft.service.ref} data-step={current}>
      {chosenLine}
      <h2 className="rating-section-title" data-speech="title">
        {question}
      </h2>
      <p className="rating-hint" data-speech="hint" data-testid={current === 'phone' ? 'rating-follow-up' : undefined}>
        {hint}
      </p>
      {body}
      {current !== 'level' && (
        <div className="rating-actions">
          {back}
          {onward}
        </div>
      )}
    </div>
  );
}

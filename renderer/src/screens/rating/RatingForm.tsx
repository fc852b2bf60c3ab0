import { useJourneyAvailability } from '../../api/use-devices';
import { useElder } from '../../components/ChoicePages';
import { PhonePad } from '../../components/keypad/PhonePad';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import { ElderRatingSteps } from './ElderRatingSteps';
import { LevelButtons } from './LevelButtons';
import { OptionChips } from './OptionChips';
import { ExplainedButton } from '../../components/ExplainedButton';
import { ratingBlockedBy, type RatingFormProps } from './rating-form-props';
import { isBadLevel } from './rating-machine';

/**
 * One service being rated: level, the options of that level, a comment, and for 差评 a callback
 * phone with the promise of a follow-up. 提交 stays disabled until a level is chosen. The standard
 * profile asks everything on one form; 长辈版 asks it one question per step (ElderRatingSteps).
 */
export function RatingForm(props: RatingFormProps) {
  return useElder() ? <ElderRatingSteps {...props} /> : <StandardRatingForm {...props} />;
}

function StandardRatingForm({ draft, options, sending, send }: RatingFormProps) {
  const { t } = useT();
  const { keypadRating } = useJourneyAvailability();
  const bad = isBadLevel(draft.level);
  const blockedBy = ratingBlockedBy(draft);
  return (
    <div className="rating-form" data-testid="rating-form" data-ref={draft.service.ref}>
      <div className="rating-service">
        <p className="rating-service-kind">{t(`rating:serviceKind.${draft.service.kind}`)}</p>
        <p className="rating-service-title" data-testid="rating-service-title">
          {draft.service.title}
        </p>
      </div>
      <p className="rating-section-title" data-speech="title">
        {t('rating:levelsLabel')}
      </p>
      {keypadRating && (
        <p className="rating-hint" data-testid="rating-keypad-hint" data-speech="hint">
          {t('rating:keypadHint')}
        </p>
      )}
      <LevelButtons level={draft.level} onChoose={(level) => send({ type: 'LEVEL', level })} />
      {draft.level !== null && (
        <OptionChips
          options={options}
          level={draft.level}
          chosen={draft.optionCodes}
          onToggle={(code) => send({ type: 'TOGGLE_OPTION', code })}
        />
      )}
      {draft.level !== null && (
        <TextEntry
          kind="multiline"
          testId="rating-comment"
          maxLength={300}
          label={t('rating:commentLabel')}
          value={draft.comment}
          onChange={(comment) => send({ type: 'SET_COMMENT', comment })}
        />
      )}
      {bad && (
        <div className="rating-bad" data-testid="rating-bad">
          <p className="notice" data-testid="rating-follow-up" data-speech="hint">
            {t('rating:badFollowUp')}
          </p>
          <PhonePad
            label={t('rating:phoneLabel')}
            value={draft.callbackPhone}
            onChange={(phone) => send({ type: 'SET_PHONE', phone })}
            testId="rating-phone"
          />
        </div>
      )}
      <div className="rating-actions">
        <ExplainedButton
          className="button button--primary rating-submit"
          data-testid="rating-submit"
          disabled={sending}
          blockedBy={blockedBy === null ? null : t(blockedBy)}
          onClick={() => send({ type: 'SUBMIT' })}
        >
          {sending ? t('rating:submitting') : t('rating:submit')}
        </ExplainedButton>
        {draft.level === null && (
          <p className="rating-hint" data-speech="hint">
            {t('rating:chooseLevelFirst')}
          </p>
        )}
      </div>
      {options.source === 'cache' && <p className="rating-note">{t('rating:fromCache')}</p>}
    </div>
  );
}

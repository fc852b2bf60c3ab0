import { useJourneyAvailability } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { isPhoneNumber, PhonePad } from '../../components/keypad/PhonePad';
import { LevelButtons } from './LevelButtons';
import { OptionChips } from './OptionChips';
import { isBadLevel, type RatingDraft, type RatingEvent } from './rating-machine';
import type { RatingOptionSet } from '../../../../platform/contract/ratings';

/**
 * One service being rated: level, the options of that level, a comment, and for 差评 a callback
 * phone with the promise of a follow-up. 提交 stays disabled until a level is chosen.
 */
export function RatingForm({
  draft,
  options,
  sending,
  send,
}: {
  draft: RatingDraft;
  options: RatingOptionSet & { source: 'platform' | 'cache' };
  sending: boolean;
  send: (event: RatingEvent) => void;
}) {
  const { t } = useT();
  const { keypadRating } = useJourneyAvailability();
  const bad = isBadLevel(draft.level);
  const phoneProblem = bad && draft.callbackPhone !== '' && !isPhoneNumber(draft.callbackPhone);
  const canSubmit = draft.level !== null && !phoneProblem && !sending;
  return (
    <div className="rating-form" data-testid="rating-form" data-ref={draft.service.ref}>
      <div className="rating-service">
        <p className="rating-service-kind">{t(`rating:serviceKind.${draft.service.kind}`)}</p>
        <p className="rating-service-title" data-testid="rating-service-title">
          {draft.service.title}
        </p>
      </div>
      <p className="rating-section-title">{t('rating:levelsLabel')}</p>
      {keypadRating && (
        <p className="rating-hint" data-testid="rating-keypad-hint">
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
        <label className="rating-comment">
          <span className="rating-section-title">{t('rating:commentLabel')}</span>
          <textarea
            className="care-input"
            data-testid="rating-comment"
            maxLength={300}
            rows={2}
            value={draft.comment}
            onChange={(event) => send({ type: 'SET_COMMENT', comment: event.target.value })}
          />
        </label>
      )}
      {bad && (
        <div className="rating-bad" data-testid="rating-bad">
          <p className="notice" data-testid="rating-follow-up">
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
        <button
          type="button"
          className="button button--primary rating-submit"
          data-testid="rating-submit"
          disabled={!canSubmit}
          onClick={() => send({ type: 'SUBMIT' })}
        >
          {sending ? t('rating:submitting') : t('rating:submit')}
        </button>
        {draft.level === null && <p className="rating-hint">{t('rating:chooseLevelFirst')}</p>}
      </div>
      {options.source === 'cache' && <p className="rating-note">{t('rating:fromCache')}</p>}
    </div>
  );
}

import { isPhoneNumber } from '../../components/keypad/PhonePad';
import type { RatingOptionSet } from '../../../../platform/contract/ratings';
import { isBadLevel, type RatingDraft, type RatingEvent } from './rating-machine';

/** What the rating form needs to draw one service's rating, in either profile. */
export interface RatingFormProps {
  readonly draft: RatingDraft;
  readonly options: RatingOptionSet & { source: 'platform' | 'cache' };
  readonly sending: boolean;
  readonly send: (event: RatingEvent) => void;
}

/** Why 提交 cannot act yet, as the key of the text that says so; null when it can (or is only busy). */
export function ratingBlockedBy(draft: RatingDraft): 'rating:chooseLevelFirst' | 'rating:phoneIncomplete' | null {
  if (draft.level === null) return 'rating:chooseLevelFirst';
  if (isBadLevel(draft.level) && draft.callbackPhone !== '' && !isPhoneNumber(draft.callbackPhone))
    return 'rating:phoneIncomplete';
  return null;
}

/** 提交 is possible once a level is chosen and a callback phone, if typed, is a phone number. */
export function canSubmitRating(draft: RatingDraft, sending: boolean): boolean {
  const phoneProblem = isBadLevel(draft.level) && draft.callbackPhone !== '' && !isPhoneNumber(draft.callbackPhone);
  return draft.level !== null && !phoneProblem && !sending;
}

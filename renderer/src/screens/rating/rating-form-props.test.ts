import { describe, expect, it } from 'vitest';
import { canSubmitRating, ratingBlockedBy } from './rating-form-props';
import type { RatingDraft } from './rating-machine';

const draft = (change: Partial<RatingDraft>): RatingDraft => ({
  service: {
    kind: 'ticket',
    ref: 'T-A012-1',
    title: '取号 A012',
    matterCode: null,
    completedAt: '2026-12-06T08:00:00+08:00',
    rated: false,
  },
  level: null,
  optionCodes: [],
  comment: '',
  callbackPhone: '',
  ...change,
});

describe('why 提交评价 cannot act yet', () => {
  it('asks for a level first', () => {
    expect(ratingBlockedBy(draft({}))).toBe('rating:chooseLevelFirst');
  });

  it('asks to finish (or clear) a half-typed callback number after a bad level', () => {
    expect(ratingBlockedBy(draft({ level: 2, callbackPhone: '1380' }))).toBe('rating:phoneIncomplete');
    expect(ratingBlockedBy(draft({ level: 2, callbackPhone: '' }))).toBeNull();
    expect(ratingBlockedBy(draft({ level: 2, callbackPhone: '13805361234' }))).toBeNull();
  });

  it('has nothing to say exactly when the rating can be sent (sending is a wait, not a reason)', () => {
    for (const change of [{}, { level: 5 as const }, { level: 1 as const, callbackPhone: '12' }, { level: 3 as const }])
      expect(ratingBlockedBy(draft(change)) === null).toBe(canSubmitRating(draft(change), false));
  });
});

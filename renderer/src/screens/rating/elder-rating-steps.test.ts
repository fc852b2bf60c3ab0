import { describe, expect, it } from 'vitest';
import { elderFirstStep, elderRatingSteps, elderStepAfter, elderStepBefore } from './elder-rating-steps';

describe('长辈版 rating steps', () => {
  it('asks only for the level until one is chosen', () => {
    expect(elderRatingSteps(null, true)).toEqual(['level']);
    expect(elderFirstStep(elderRatingSteps(null, true))).toBe('level');
  });

  it('adds the callback phone for 不满意 and 非常不满意 only', () => {
    expect(elderRatingSteps(5, true)).toEqual(['level', 'options', 'comment']);
    expect(elderRatingSteps(3, true)).toEqual(['level', 'options', 'comment']);
    expect(elderRatingSteps(2, true)).toEqual(['level', 'options', 'comment', 'phone']);
    expect(elderRatingSteps(1, true)).toEqual(['level', 'options', 'comment', 'phone']);
  });

  it('skips the options of a level the platform published none for', () => {
    expect(elderRatingSteps(4, false)).toEqual(['level', 'comment']);
    expect(elderFirstStep(elderRatingSteps(4, false))).toBe('comment');
  });

  it('goes on and back in order, and the last step has nothing after it', () => {
    const steps = elderRatingSteps(1, true);
    expect(elderFirstStep(steps)).toBe('options');
    expect(elderStepAfter(steps, 'options')).toBe('comment');
    expect(elderStepAfter(steps, 'phone')).toBeNull();
    expect(elderStepBefore(steps, 'comment')).toBe('options');
    expect(elderStepBefore(steps, 'level')).toBeNull();
    // A step the level does not have (the phone after 满意) leads nowhere.
    expect(elderStepAfter(elderRatingSteps(5, true), 'phone')).toBeNull();
  });
});

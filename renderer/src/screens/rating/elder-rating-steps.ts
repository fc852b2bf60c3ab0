import type { RatingLevel } from '../../../../platform/contract/ratings';
import { isBadLevel } from './rating-machine';

/**
 * 长辈版 rates one question per step, so no step offers more than six choices: the five levels
 * alone; then the options of that level (paged); then the optional comment; for 差评 last the
 * optional callback phone. The last step carries 提交.
 */
export type ElderRatingStep = 'level' | 'options' | 'comment' | 'phone';

/** The steps for a level, in order. A level the platform published no options for skips them. */
export function elderRatingSteps(level: RatingLevel | null, hasOptions: boolean): readonly ElderRatingStep[] {
  if (level === null) return ['level'];
  return [
    'level',
    ...(hasOptions ? (['options'] as const) : []),
    'comment',
    ...(isBadLevel(level) ? (['phone'] as const) : []),
  ];
}

export function elderStepAfter(steps: readonly ElderRatingStep[], step: ElderRatingStep): ElderRatingStep | null {
  const at = steps.indexOf(step);
  return at < 0 ? null : (steps[at + 1] ?? null);
}

export function elderStepBefore(steps: readonly ElderRatingStep[], step: ElderRatingStep): ElderRatingStep | null {
  const at = steps.indexOf(step);
  return at <= 0 ? null : (steps[at - 1] ?? null);
}

/** Where 长辈版 opens: at the levels, or just after them when a level is already chosen. */
export function elderFirstStep(steps: readonly ElderRatingStep[]): ElderRatingStep {
  return elderStepAfter(steps, 'level') ?? 'level';
}

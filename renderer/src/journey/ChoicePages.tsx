import type { ReactNode } from 'react';
import { ChoicePages as SharedChoicePages } from '../components/ChoicePages';
import './journeys.css';

/**
 * At most six big choices per screen (ZMS ticket printers, feature-anchors b.4): more are paged,
 * never scrolled, so an elderly resident sees every choice of a page at once.
 */
export const CHOICES_PER_PAGE = 6;

/**
 * The journeys' grid of big choices: six a page in the standard profile; in 长辈版 the shared
 * ChoicePages counts the page buttons and `otherChoices` (the step's other controls) so the whole
 * step offers at most six things to choose.
 */
export function ChoicePages<T>({
  items,
  keyOf,
  render,
  testId,
  otherChoices = 0,
  compact = false,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  testId: string;
  otherChoices?: number;
  /** Short labels (days, times): two columns in 长辈版, so a page fits without scrolling. */
  compact?: boolean;
}) {
  return (
    <div className="journey-choices">
      <SharedChoicePages
        items={items}
        keyOf={keyOf}
        render={render}
        otherChoices={otherChoices}
        standardPageSize={CHOICES_PER_PAGE}
        className={compact ? 'journey-choice-grid journey-choice-grid--compact' : 'journey-choice-grid'}
        testId={testId}
      />
    </div>
  );
}

import { useState, type ReactNode } from 'react';
import { ChoicePages as ElderChoicePages, useElder } from '../../components/ChoicePages';
import { useT } from '../../i18n/use-t';
import { CHOICES_PER_PAGE, pageCount, pageItems } from './paging';
import './journeys.css';

/**
 * A grid of big choices, paged. The standard profile shows six per page with 上一页 / 下一页. 长辈版
 * uses the shared ChoicePages, which counts the page buttons and `otherChoices` (the step's other
 * controls) so the whole step offers at most six things to choose.
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
  const elder = useElder();
  const gridClass = compact ? 'journey-choice-grid journey-choice-grid--compact' : 'journey-choice-grid';
  return (
    <div className="journey-choices">
      {elder ? (
        <ElderChoicePages
          items={items}
          keyOf={keyOf}
          render={render}
          otherChoices={otherChoices}
          className={gridClass}
          testId={testId}
        />
      ) : (
        <StandardPages items={items} keyOf={keyOf} render={render} testId={testId} gridClass={gridClass} />
      )}
    </div>
  );
}

function StandardPages<T>({
  items,
  keyOf,
  render,
  testId,
  gridClass,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  testId: string;
  gridClass: string;
}) {
  const { t } = useT();
  const [page, setPage] = useState(0);
  const pages = pageCount(items.length);
  const current = Math.min(page, pages - 1);
  return (
    <>
      <ul className={gridClass} data-testid={testId}>
        {pageItems(items, current).map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {items.length > CHOICES_PER_PAGE && (
        <div className="journey-pager">
          <button type="button" className="pager-button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('pager.up')}
          </button>
          <span className="journey-pager-position">
            {current + 1} / {pages}
          </span>
          <button
            type="button"
            className="pager-button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('pager.down')}
          </button>
        </div>
      )}
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { CHOICES_PER_PAGE, pageCount, pageItems } from './paging';
import './journeys.css';

/** A grid of at most six big choices, with 上一页 / 下一页 when there are more. */
export function ChoicePages<T>({
  items,
  keyOf,
  render,
  testId,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  testId: string;
}) {
  const { t } = useT();
  const [page, setPage] = useState(0);
  const pages = pageCount(items.length);
  const current = Math.min(page, pages - 1);
  return (
    <div className="journey-choices">
      <ul className="journey-choice-grid" data-testid={testId}>
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
    </div>
  );
}

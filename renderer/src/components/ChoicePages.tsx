import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../shell/shell-context';
import { ELDER_MAX_CHOICES } from '../styles/sizes';
import { UiIcon } from './icons/UiIcon';
import './choice-pages.css';

/** True in 长辈版: screens show fewer, larger choices. */
export function useElder(): boolean {
  return usePreferences().profile === 'elder';
}

/**
 * How many items one page of a list shows in 长辈版, given the other choices on the same screen:
 * everything when it fits in ELDER_MAX_CHOICES (and in `maxPerPage`, for items too tall for more
 * on one screen), otherwise what is left after the two page buttons.
 */
export function elderPageSize(itemCount: number, otherChoices: number, maxPerPage = Infinity): number {
  const budget = Math.max(1, ELDER_MAX_CHOICES - otherChoices);
  if (itemCount <= budget && itemCount <= maxPerPage) return itemCount;
  return Math.max(1, Math.min(budget - 2, maxPerPage));
}

/**
 * A list of choices that 长辈版 pages so a screen never offers more than six things to choose
 * (fewer choices per screen is the MIIT elder guidance, docs/accessibility.md §2.1). The standard mode shows every
 * item, or pages by `standardPageSize`. Paging buttons say where the reader is ("第 1 页，共 3 页"), and that line is spoken.
 * `otherChoices` is how many other controls the screen's main area shows beside the list.
 */
export function ChoicePages<T>({
  items,
  keyOf,
  render,
  otherChoices = 0,
  maxPerPage,
  standardPageSize,
  className,
  listLabel,
  testId,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  otherChoices?: number;
  /** At most this many on a 长辈版 page, for items that are tall (a card with several lines). */
  maxPerPage?: number;
  /** Pages the standard profile too, this many a page (the journeys' big choice grids); else all. */
  standardPageSize?: number;
  className?: string;
  listLabel?: string;
  testId?: string;
}) {
  const { t } = useT();
  const elder = useElder();
  const size = elder
    ? elderPageSize(items.length, otherChoices, maxPerPage)
    : Math.min(items.length, standardPageSize ?? items.length);
  const pages = Math.max(1, Math.ceil(items.length / Math.max(1, size)));
  // A new list (a new search, another filter, the other profile) starts on its first page: the
  // page is kept together with the list it belongs to.
  const listKey = `${size}\u0000${items.map(keyOf).join('\u0000')}`;
  const [state, setState] = useState({ listKey, page: 0 });
  const page = state.listKey === listKey ? state.page : 0;
  const setPage = (next: number) => setState({ listKey, page: next });
  const current = Math.min(page, pages - 1);
  const shown = items.slice(current * size, current * size + size);
  return (
    <>
      {/* Pages are sized to fit; should one not (a long name, a small landscape screen), its list
          scrolls inside this frame and the page buttons below stay in view. */}
      <div className="choice-pages-frame">
        <ul className={className} aria-label={listLabel} data-testid={testId}>
          {shown.map((item) => (
            <li key={keyOf(item)}>{render(item)}</li>
          ))}
        </ul>
      </div>
      {pages > 1 && (
        <div className="choice-pages" data-testid="choice-pages">
          <button
            type="button"
            className="pager-button"
            data-testid="choice-pages-previous"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            <UiIcon name="up" />
            {t('pager.previousPage')}
          </button>
          <p className="choice-pages-where" data-speech="hint" aria-live="polite">
            {t('pager.where', { page: current + 1, pages })}
          </p>
          <button
            type="button"
            className="pager-button"
            data-testid="choice-pages-next"
            disabled={current === pages - 1}
            onClick={() => setPage(current + 1)}
          >
            <UiIcon name="down" />
            {t('pager.nextPage')}
          </button>
        </div>
      )}
    </>
  );
}

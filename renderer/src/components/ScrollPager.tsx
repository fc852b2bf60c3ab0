import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/use-t';
import { UiIcon } from './icons/UiIcon';

interface Edges {
  readonly atTop: boolean;
  readonly atBottom: boolean;
}

function edgesOf(area: HTMLElement): Edges {
  return {
    atTop: area.scrollTop <= 1,
    atBottom: area.scrollTop + area.clientHeight >= area.scrollHeight - 1,
  };
}

/** Keeps the previous object when nothing changed, so a scroll does not re-render every frame. */
function settle(previous: Edges, next: Edges): Edges {
  return previous.atTop === next.atTop && previous.atBottom === next.atBottom ? previous : next;
}

/**
 * A scrolling area with big "page up / page down" buttons beside it: a swipe is not obvious to
 * everyone, and every path gesture needs a single-tap alternative (WCAG 2.5.1). The buttons
 * disappear when everything fits, and each is disabled at its end.
 */
export function ScrollPager({
  children,
  className,
  areaRef,
  label,
}: {
  children: ReactNode;
  className?: string;
  areaRef?: RefObject<HTMLDivElement | null>;
  label?: string;
}) {
  const { t } = useT();
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = areaRef ?? ownRef;
  const [edges, setEdges] = useState<Edges>({ atTop: true, atBottom: true });

  useEffect(() => {
    const area = ref.current;
    if (!area || typeof ResizeObserver === 'undefined') return undefined;
    // Content that grows or shrinks changes whether the buttons are needed.
    const observer = new ResizeObserver(() => setEdges((previous) => settle(previous, edgesOf(area))));
    observer.observe(area);
    for (const child of Array.from(area.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [ref, children]);

  const page = (direction: 1 | -1) => {
    const area = ref.current;
    if (!area) return;
    // Keep a line of the previous page in view so the reader knows where they were.
    area.scrollBy({ top: direction * area.clientHeight * 0.85, behavior: 'auto' });
  };

  const fits = edges.atTop && edges.atBottom;
  return (
    <div className={className ? `scroll-pager ${className}` : 'scroll-pager'}>
      <div
        className="scroll-pager-area"
        ref={ref}
        onScroll={(event) => {
          const area = event.currentTarget;
          setEdges((previous) => settle(previous, edgesOf(area)));
        }}
        role="region"
        aria-label={label}
        // Focusable, so a keyboard (or a switch) can scroll it too (axe scrollable-region-focusable).
        tabIndex={0}
      >
        {children}
      </div>
      {!fits && (
        <div className="scroll-pager-buttons">
          <button type="button" className="pager-button" disabled={edges.atTop} onClick={() => page(-1)}>
            <UiIcon name="up" />
            {t('pager.up')}
          </button>
          <button type="button" className="pager-button" disabled={edges.atBottom} onClick={() => page(1)}>
            <UiIcon name="down" />
            {t('pager.down')}
          </button>
        </div>
      )}
    </div>
  );
}

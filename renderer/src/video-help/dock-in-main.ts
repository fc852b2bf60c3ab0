import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

/** Space between the call card and the edges of the content area, in CSS pixels. */
const GAP_PX = 12;

/**
 * Keeps the call card inside the screen's content area (`.shell-main`), at its top-right corner,
 * and narrows the content by the card's width while the call lasts. Floating over the whole
 * window it hid the navigation column (首页, 返回) in landscape and the content's own buttons
 * under it, so a resident on a call could not move on (found by tests/e2e/video-help.spec.ts).
 * Answers the card's placement, for its style.
 */
export function useDockInMain(card: RefObject<HTMLElement | null>): CSSProperties {
  const [placement, setPlacement] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    const main = document.querySelector<HTMLElement>('.shell-main');
    if (!main) return undefined;
    const place = () => {
      const area = main.getBoundingClientRect();
      const width = card.current?.offsetWidth ?? 0;
      setPlacement({
        top: Math.round(area.top + GAP_PX),
        right: Math.round(window.innerWidth - area.right + GAP_PX),
        maxHeight: Math.round(area.height - 2 * GAP_PX),
      });
      main.style.paddingRight = `${width + 2 * GAP_PX}px`;
    };
    place();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    observer?.observe(main);
    if (card.current) observer?.observe(card.current);
    window.addEventListener('resize', place);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', place);
      main.style.paddingRight = '';
    };
  }, [card]);
  return placement;
}

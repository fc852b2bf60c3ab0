/**
 * At most six big choices per screen (ZMS ticket printers, feature-anchors b.4): more are paged,
 * never scrolled, so an elderly resident sees every choice of a page at once.
 */
export const CHOICES_PER_PAGE = 6;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / CHOICES_PER_PAGE));
}

export function pageItems<T>(items: readonly T[], page: number): readonly T[] {
  const last = pageCount(items.length) - 1;
  const current = Math.min(Math.max(0, page), last);
  return items.slice(current * CHOICES_PER_PAGE, (current + 1) * CHOICES_PER_PAGE);
}

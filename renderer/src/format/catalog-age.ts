/** How old the catalog is, in the largest unit that reads naturally ("3 分钟前", "5 小时前"). */
export type CatalogAge =
  { readonly unit: 'justNow' } | { readonly unit: 'minutes' | 'hours' | 'days'; readonly count: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function catalogAge(since: string, now: Date): CatalogAge {
  const elapsed = now.getTime() - new Date(since).getTime();
  // A clock that runs behind the platform's must not show "-3 分钟前".
  if (!Number.isFinite(elapsed) || elapsed < MINUTE) return { unit: 'justNow' };
  if (elapsed < HOUR) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < DAY) return { unit: 'hours', count: Math.floor(elapsed / HOUR) };
  return { unit: 'days', count: Math.floor(elapsed / DAY) };
}

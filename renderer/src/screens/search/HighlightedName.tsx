import type { ReactNode } from 'react';

/** A matter name with the parts that matched the search marked, ranges [start, end) of the name. */
export function HighlightedName({
  name,
  highlights,
}: {
  name: string;
  highlights: ReadonlyArray<readonly [number, number]>;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(name.slice(at, start));
    parts.push(
      <mark key={start} className="search-mark" data-testid="search-mark">
        {name.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < name.length) parts.push(name.slice(at));
  return <span className="matter-card-name">{parts}</span>;
}

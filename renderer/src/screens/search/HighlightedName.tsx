import { Fragment, type ReactNode } from 'react';
import { wordChunks } from '../../components/words/word-chunks';
import '../../components/words/words.css';

/** Where the name may wrap: the offsets between its word chunks (components/words). */
function breaksOf(name: string): Set<number> {
  const breaks = new Set<number>();
  let at = 0;
  for (const chunk of wordChunks(name)) {
    if (at > 0) breaks.add(at);
    at += chunk.length;
  }
  return breaks;
}

/**
 * A matter name with the parts that matched the search marked, ranges [start, end) of the name.
 * Like Words, it wraps only between words: a <wbr> at each word boundary, inside or outside a mark.
 */
export function HighlightedName({
  name,
  highlights,
}: {
  name: string;
  highlights: ReadonlyArray<readonly [number, number]>;
}) {
  const breaks = breaksOf(name);
  /** The text from..to with a <wbr> wherever a word boundary falls in it (or at its start). */
  const text = (from: number, to: number): ReactNode[] => {
    const pieces: ReactNode[] = [];
    let at = from;
    for (let i = from; i < to; i += 1) {
      if (!breaks.has(i)) continue;
      if (i > at) pieces.push(name.slice(at, i));
      pieces.push(<wbr key={`w${i}`} />);
      at = i;
    }
    pieces.push(name.slice(at, to));
    return pieces.map((piece, index) => <Fragment key={index}>{piece}</Fragment>);
  };
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text(at, start)}</Fragment>);
    parts.push(
      <mark key={start} className="search-mark" data-testid="search-mark">
        {text(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < name.length) parts.push(<Fragment key={`t${at}`}>{text(at, name.length)}</Fragment>);
  return <span className="matter-card-name words">{parts}</span>;
}

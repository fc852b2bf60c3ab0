import { Fragment } from 'react';
import { wordChunks } from './word-chunks';
import './words.css';

/**
 * A label that wraps only between words (word-chunks.ts): the chunks are separated by <wbr>, and
 * `word-break: keep-all` takes away the browser's own breaks between Chinese characters. <wbr>
 * adds no text, so what is read out and what tests find is the label unchanged.
 */
export function Words({ text, className }: { text: string; className?: string }) {
  const chunks = wordChunks(text);
  return (
    <span className={className ? `words ${className}` : 'words'}>
      {chunks.map((chunk, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {chunk}
        </Fragment>
      ))}
    </span>
  );
}

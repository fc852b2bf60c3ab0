import type { ReactNode } from 'react';

/** Label–value rows; a definition list, so a screen reader pairs them. */
export function Facts({ rows }: { rows: ReadonlyArray<{ label: string; value: ReactNode } | false> }) {
  return (
    <dl className="facts">
      {rows
        .filter((row) => row !== false)
        .map((row) => (
          <div className="facts-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}

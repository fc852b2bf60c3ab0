import type { SqlParams, SqlValue } from './sql';

/**
 * Turns the SQLite-style placeholders the platform writes (`?`, `:name`, `@name`) into
 * PostgreSQL's numbered ones (`$1`, `$2` …) and orders the values to match. Text inside
 * '…' literals, "…" identifiers and -- comments is left alone, and `::` (a PostgreSQL cast) is not
 * a placeholder. A named parameter used twice becomes one number. Mixing `?` and names in one
 * statement is a bug in the caller and throws.
 */
export interface NumberedStatement {
  readonly text: string;
  readonly values: SqlValue[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function numberPlaceholders(sql: string, params: SqlParams | undefined): NumberedStatement {
  let text = '';
  const values: SqlValue[] = [];
  const named = new Map<string, number>();
  let positional = 0;
  let style: 'positional' | 'named' | undefined;
  const positionalParams = Array.isArray(params) ? (params as readonly SqlValue[]) : undefined;
  const namedParams =
    params !== undefined && !Array.isArray(params) ? (params as Readonly<Record<string, SqlValue>>) : undefined;

  const use = (next: 'positional' | 'named'): void => {
    if (style !== undefined && style !== next) throw new Error('a statement mixes ? and named placeholders');
    style = next;
  };

  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      text += sql.slice(i, end);
      i = end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      text += sql.slice(i, stop);
      i = stop;
    } else if (ch === ':' && sql[i + 1] === ':') {
      text += '::';
      i += 2;
    } else if (ch === '?') {
      use('positional');
      if (positionalParams === undefined || positional >= positionalParams.length) {
        throw new Error(`statement has more ? placeholders than the ${positionalParams?.length ?? 0} values given`);
      }
      values.push(positionalParams[positional] as SqlValue);
      positional += 1;
      text += `$${positional}`;
      i += 1;
    } else if ((ch === ':' || ch === '@' || ch === '$') && NAME_START.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && NAME_PART.test(sql[end] as string)) end += 1;
      const name = sql.slice(i + 1, end);
      use('named');
      if (namedParams === undefined || !(name in namedParams)) throw new Error(`no value given for :${name}`);
      let number = named.get(name);
      if (number === undefined) {
        values.push(namedParams[name] as SqlValue);
        number = values.length;
        named.set(name, number);
      }
      text += `$${number}`;
      i = end;
    } else {
      text += ch;
      i += 1;
    }
  }
  if (positionalParams !== undefined && positional !== positionalParams.length && positionalParams.length > 0) {
    throw new Error(`statement has ${positional} ? placeholders but ${positionalParams.length} values were given`);
  }
  return { text, values };
}

/** Index just past the quote that closes the one at `start` ('' and "" are escaped quotes). */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

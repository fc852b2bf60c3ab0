import type { SqlEngine } from '../db/sql';

/**
 * A subquery of the text elements of a JSON array (column `value`), for `x IN <subquery>`: the
 * queue_windows.service_codes arrays and the service lists passed as one parameter. The engines
 * spell it differently (docs/county-scale.md "Functions that differ"); `json` is an SQL
 * expression, a column or a `?`.
 */
export function jsonTextElements(engine: SqlEngine, json: string): string {
  return engine === 'postgres'
    ? `(SELECT value FROM json_array_elements_text(CAST(${json} AS JSON)) AS elements (value))`
    : `(SELECT value FROM json_each(${json}))`;
}

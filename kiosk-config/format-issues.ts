import type { z } from 'zod';

/**
 * Turns schema issues into sentences a technician can act on: the field, the value found there
 * and what is allowed. Example:
 *   devices.printer.connection.baudRate: 9601 is not allowed; allowed: 9600, 19200, 38400, 57600, 115200
 */
export function describeConfigIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.flatMap((issue) => describeIssue(issue, input, []));
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, prefix: PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path];
  const field = formatPath(path);
  const found = valueAt(input, path);
  const value = found.present ? describeValue(found.value) : 'nothing';
  /** "field: 9601 is not allowed" or, when the field is absent, "field: is missing". */
  const rejected = found.present ? `${field}: ${value} is not allowed` : `${field}: is missing`;

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(
        (key) => `${formatPath([...path, key])}: is not a known setting (check the spelling); remove it or rename it`,
      );
    case 'invalid_type':
      return [`${rejected}; expected ${article(issue.expected)}`];
    case 'invalid_value':
      return [`${rejected}; allowed: ${issue.values.map(describeValue).join(', ')}`];
    case 'invalid_format':
      return [`${rejected}; expected ${issue.message}`];
    case 'too_small':
      return [
        `${field}: ${value} is too small; allowed: ${bound('at least', issue.minimum, issue.origin, issue.inclusive)}`,
      ];
    case 'too_big':
      return [
        `${field}: ${value} is too big; allowed: ${bound('at most', issue.maximum, issue.origin, issue.inclusive)}`,
      ];
    case 'invalid_union': {
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) {
        return [`${rejected}; allowed: ${(issue.options as unknown[]).map(describeValue).join(', ')}`];
      }
      // Several shapes were possible; report the branch that got furthest (fewest issues).
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const closest = branches.sort((a, b) => a.length - b.length)[0];
      if (closest) return closest.flatMap((inner) => describeIssue(inner, input, path));
      return [`${rejected} (${issue.message})`];
    }
    default:
      return [`${rejected}; ${issue.message}`];
  }
}

function bound(word: string, limit: number | bigint, origin: string, inclusive: boolean | undefined): string {
  const unit = origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
  const strict = inclusive === false ? (word === 'at least' ? 'more than' : 'less than') : word;
  return `${strict} ${String(limit)}${unit}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { present: true; value: unknown } | { present: false } {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return { present: false };
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return { present: true, value: current };
}

function describeValue(value: unknown): string {
  const text = preview(value, 3);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The start of the value as JSON, walking no deeper than `depth` and no further than a few
 * items: a broken file may nest arrays 100 000 deep, which JSON.stringify cannot print (it
 * overflows the stack) and which we only show 60 characters of anyway.
 */
function preview(value: unknown, depth: number): string {
  const ITEMS = 8;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth === 0) return '[...]';
    const items = value.slice(0, ITEMS).map((item) => preview(item, depth - 1));
    return `[${items.join(',')}${value.length > ITEMS ? ',...' : ''}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (depth === 0) return '{...}';
    const shown = entries.slice(0, ITEMS).map(([key, item]) => `${JSON.stringify(key)}:${preview(item, depth - 1)}`);
    return `{${shown.join(',')}${entries.length > ITEMS ? ',...' : ''}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

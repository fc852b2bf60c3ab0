/**
 * Chinese text takes the full-width colon "：" (GB/T 15834-2011 标点符号用法 §4.10); a half-width
 * ":" beside a Chinese character is a slip. Times (09:30) and URLs have no Chinese character next
 * to their colon, so they pass.
 */
const HALF_WIDTH_BESIDE_CHINESE = /[\p{Script=Han}（）《》「」“”]\s*:|:\s*[\p{Script=Han}（《「“]/u;

export function hasHalfWidthColonInChinese(text: string): boolean {
  return HALF_WIDTH_BESIDE_CHINESE.test(text);
}

/** Every string value of a parsed locale file, with its dotted key. */
export function localeStrings(value: unknown, path = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key: path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => localeStrings(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => localeStrings(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/**
 * The string literals of a TypeScript source ('…', "…", `…` with its ${} parts as they are),
 * outside comments: what a document builder can print.
 */
export function stringLiterals(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const literals: string[] = [];
  const pattern = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const match of withoutComments.matchAll(pattern)) literals.push(match[0].slice(1, -1));
  return literals;
}

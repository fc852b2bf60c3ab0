/**
 * Strong ETags carrying a document version, and If-None-Match matching (RFC 9110 §13.1.2:
 * weak comparison, a list of tags, or `*`).
 */

export function etagOf(version: string): string {
  return `"${version}"`;
}

export function ifNoneMatchHits(header: string | undefined, version: string): boolean {
  if (header === undefined) return false;
  const wanted = etagOf(version);
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === wanted || tag === `W/${wanted}`);
}

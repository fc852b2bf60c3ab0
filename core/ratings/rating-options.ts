import type { RatingOptionSet } from '../../platform/contract/ratings';
import { err, ok, type Result } from '../pure/result';
import type { PlatformDocumentSpec } from '../platform-documents/fetch';

/** Every option set ever received is kept: a rating validates against the version it was shown with. */
export const RATING_OPTIONS: PlatformDocumentSpec<'getRatingOptions'> = {
  kind: 'ratingOptions',
  operation: 'getRatingOptions',
  keepOlder: true,
};

/**
 * The chosen options must be offered under the chosen level in that version (the content is
 * version-managed by the platform and must not be made up locally); each at most once.
 */
export function checkOptionCodes(set: RatingOptionSet, level: number, codes: readonly string[]): Result<void, string> {
  const entry = set.levels.find((candidate) => candidate.level === level);
  if (!entry) return err(`level ${level} is not in rating options ${set.version}`);
  const offered = new Set(entry.options.map((option) => option.code));
  const unknown = codes.filter((code) => !offered.has(code));
  if (unknown.length > 0) return err(`not offered for level ${level} in ${set.version}: ${unknown.join(', ')}`);
  if (new Set(codes).size !== codes.length) return err('an option was chosen twice');
  return ok(undefined);
}

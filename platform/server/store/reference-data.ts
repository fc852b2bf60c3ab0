import type { SqlQueries } from '../db/sql';
import type { ZodType } from 'zod';
import { RatingOptionSet } from '../../contract/ratings';
import { ServicePointList } from '../../contract/service-points';
import { WorkCalendar } from '../../contract/work-calendar';
import { err, type Result } from '../../../core/pure/result';
import { publishDocument, type PublishOutcome } from './documents';

/**
 * Publishing the rating options (好差评 evaluation content, versioned like the national
 * `evaversion`), the service-point list for the offline map and the working calendar.
 */

export type PublishReferenceError =
  | { readonly kind: 'invalidDocument'; readonly issues: readonly string[] }
  | { readonly kind: 'versionConflict'; readonly version: string };

function validated<T>(schema: ZodType<T>, value: unknown): Result<T, PublishReferenceError> {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : err({
        kind: 'invalidDocument',
        issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      });
}

export async function publishRatingOptions(
  db: SqlQueries,
  options: RatingOptionSet,
  now: Date = new Date(),
): Promise<Result<PublishOutcome, PublishReferenceError>> {
  const parsed = validated(RatingOptionSet, options);
  if (!parsed.ok) return parsed;
  const set = parsed.value;
  const itemCount = set.levels.reduce((sum, level) => sum + level.options.length, 0);
  const document = { version: set.version, publishedAt: set.publishedAt, itemCount, body: JSON.stringify(set) };
  return await publishDocument(db, 'ratingOptions', document, now);
}

export async function publishServicePoints(
  db: SqlQueries,
  list: ServicePointList,
  now: Date = new Date(),
): Promise<Result<PublishOutcome, PublishReferenceError>> {
  const parsed = validated(ServicePointList, list);
  if (!parsed.ok) return parsed;
  const points = parsed.value;
  const document = {
    version: points.version,
    publishedAt: points.publishedAt,
    itemCount: points.servicePoints.length,
    body: JSON.stringify(points),
  };
  return await publishDocument(db, 'servicePoints', document, now);
}

/** A new calendar version (a new State Council notice, a correction) reaches kiosks on their next refresh. */
export async function publishWorkCalendar(
  db: SqlQueries,
  calendar: WorkCalendar,
  now: Date = new Date(),
): Promise<Result<PublishOutcome, PublishReferenceError>> {
  const parsed = validated(WorkCalendar, calendar);
  if (!parsed.ok) return parsed;
  const document = {
    version: parsed.value.version,
    publishedAt: parsed.value.publishedAt,
    itemCount: parsed.value.holidays.length,
    body: JSON.stringify(parsed.value),
  };
  return await publishDocument(db, 'workCalendar', document, now);
}

import type { SqlQueries } from './db/sql';
import type { Catalog } from '../contract/catalog';
import { err, ok, type Result } from '../../core/pure/result';
import { SAMPLE_RATING_OPTIONS } from './sample/rating-options';
import { SAMPLE_SERVICE_POINTS } from './sample/service-points';
import { SEED_WORK_CALENDAR } from '../seed/work-calendar';
import { describePublishCatalogError, publishCatalog } from './store/catalogs';
import type { PublishOutcome } from './store/documents';
import {
  publishRatingOptions,
  publishServicePoints,
  publishWorkCalendar,
  type PublishReferenceError,
} from './store/reference-data';

/**
 * Puts the shipped documents into a fresh or existing database at start-up: the seed catalog,
 * the rating options, the sample service points and the working calendar. Publishing a version that is already stored
 * with the same content changes nothing, so a restart keeps whatever was published since (tests
 * publish newer catalogs). The same version with different content stops the start: kiosks cache
 * by version and would never see the change, so the seed must get a new version.
 */

export interface SeedSummary {
  readonly catalog: PublishOutcome | 'none';
  readonly ratingOptions: PublishOutcome;
  readonly servicePoints: PublishOutcome;
  readonly workCalendar: PublishOutcome;
}

function describeReference(what: string, error: PublishReferenceError): string {
  return error.kind === 'invalidDocument'
    ? `${what} does not match the contract: ${error.issues.slice(0, 5).join('; ')}`
    : `${what} version ${error.version} is already published with different content; give it a new version`;
}

export async function seedPlatform(
  db: SqlQueries,
  seed: { readonly catalog?: Catalog },
  now: Date,
): Promise<Result<SeedSummary, string>> {
  let catalog: PublishOutcome | 'none' = 'none';
  if (seed.catalog) {
    const published = await publishCatalog(db, seed.catalog, now);
    if (!published.ok) return err(`seed catalog: ${describePublishCatalogError(published.error)}`);
    catalog = published.value;
  }
  const ratingOptions = await publishRatingOptions(db, SAMPLE_RATING_OPTIONS, now);
  if (!ratingOptions.ok) return err(describeReference('the rating options', ratingOptions.error));
  const servicePoints = await publishServicePoints(db, SAMPLE_SERVICE_POINTS, now);
  if (!servicePoints.ok) return err(describeReference('the service-point list', servicePoints.error));
  const workCalendar = await publishWorkCalendar(db, SEED_WORK_CALENDAR, now);
  if (!workCalendar.ok) return err(describeReference('the work calendar', workCalendar.error));
  return ok({
    catalog,
    ratingOptions: ratingOptions.value,
    servicePoints: servicePoints.value,
    workCalendar: workCalendar.value,
  });
}

import type { SqlQueries } from '../db/sql';
import type { Catalog, Matter } from '../../contract/catalog';
import type { RatingOptionSet } from '../../contract/ratings';
import type { ServicePoint, ServicePointList } from '../../contract/service-points';
import type { WorkCalendar } from '../../contract/work-calendar';
import { workingDays, type WorkingDays } from '../../contract/working-days';
import { currentDocument, type DocumentKind } from './documents';

/**
 * The current published documents as values, for business rules (does this matter exist, which
 * points are bookable). Bodies were validated when published, so they are parsed without a
 * second validation; the last parse is kept per database, kind and version because the catalog is
 * large.
 */

type Parsed = Map<string, { readonly version: string; readonly value: unknown }>;
const parsedByDb = new WeakMap<SqlQueries, Parsed>();

async function current<T>(db: SqlQueries, kind: DocumentKind): Promise<T | undefined> {
  const doc = await currentDocument(db, kind);
  if (!doc) return undefined;
  let parsed = parsedByDb.get(db);
  if (!parsed) {
    parsed = new Map();
    parsedByDb.set(db, parsed);
  }
  const cached = parsed.get(kind);
  if (cached?.version === doc.version) return cached.value as T;
  const value = JSON.parse(doc.body) as T;
  parsed.set(kind, { version: doc.version, value });
  return value;
}

export function currentCatalog(db: SqlQueries): Promise<Catalog | undefined> {
  return current<Catalog>(db, 'catalog');
}

/** A matter of the current catalog by its code (事项编码), whatever version the caller knew. */
export async function findCurrentMatter(db: SqlQueries, matterCode: string): Promise<Matter | undefined> {
  return (await currentCatalog(db))?.matters.find((matter) => matter.code === matterCode);
}

export async function currentServicePoints(db: SqlQueries): Promise<readonly ServicePoint[]> {
  return (await current<ServicePointList>(db, 'servicePoints'))?.servicePoints ?? [];
}

export async function findServicePoint(db: SqlQueries, id: string): Promise<ServicePoint | undefined> {
  return (await currentServicePoints(db)).find((point) => point.id === id);
}

/** Any published version of the rating options, not only the current one: offline ratings use older ones. */
export async function ratingOptionsVersion(db: SqlQueries, version: string): Promise<RatingOptionSet | undefined> {
  const row = await db.get<{ body: string }>(
    "SELECT body FROM published_documents WHERE kind = 'ratingOptions' AND version = ?",
    [version],
  );
  return row === undefined ? undefined : (JSON.parse(row.body) as RatingOptionSet);
}

/**
 * Working days by the current published calendar; the plain week (Monday to Friday) when none is
 * published. Built once per published version.
 */
export async function currentWorkingDays(db: SqlQueries): Promise<WorkingDays> {
  const calendar = (await current<WorkCalendar>(db, 'workCalendar')) ?? null;
  const cached = workingDaysCache.get(db);
  if (cached && cached.calendar === calendar) return cached.days;
  const days = workingDays(calendar);
  workingDaysCache.set(db, { calendar, days });
  return days;
}

const workingDaysCache = new WeakMap<SqlQueries, { calendar: WorkCalendar | null; days: WorkingDays }>();

import type Database from 'better-sqlite3';
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
const parsedByDb = new WeakMap<Database.Database, Parsed>();

function current<T>(db: Database.Database, kind: DocumentKind): T | undefined {
  const doc = currentDocument(db, kind);
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

export function currentCatalog(db: Database.Database): Catalog | undefined {
  return current<Catalog>(db, 'catalog');
}

/** A matter of the current catalog by its code (事项编码), whatever version the caller knew. */
export function findCurrentMatter(db: Database.Database, matterCode: string): Matter | undefined {
  return currentCatalog(db)?.matters.find((matter) => matter.code === matterCode);
}

export function currentServicePoints(db: Database.Database): readonly ServicePoint[] {
  return current<ServicePointList>(db, 'servicePoints')?.servicePoints ?? [];
}

export function findServicePoint(db: Database.Database, id: string): ServicePoint | undefined {
  return currentServicePoints(db).find((point) => point.id === id);
}

/** Any published version of the rating options, not only the current one: offline ratings use older ones. */
export function ratingOptionsVersion(db: Database.Database, version: string): RatingOptionSet | undefined {
  const body = db
    .prepare("SELECT body FROM published_documents WHERE kind = 'ratingOptions' AND version = ?")
    .pluck()
    .get(version);
  return typeof body === 'string' ? (JSON.parse(body) as RatingOptionSet) : undefined;
}

/**
 * Working days by the current published calendar; the plain week (Monday to Friday) when none is
 * published. Built once per published version.
 */
export function currentWorkingDays(db: Database.Database): WorkingDays {
  const calendar = current<WorkCalendar>(db, 'workCalendar') ?? null;
  const cached = workingDaysCache.get(db);
  if (cached && cached.calendar === calendar) return cached.days;
  const days = workingDays(calendar);
  workingDaysCache.set(db, { calendar, days });
  return days;
}

const workingDaysCache = new WeakMap<Database.Database, { calendar: WorkCalendar | null; days: WorkingDays }>();

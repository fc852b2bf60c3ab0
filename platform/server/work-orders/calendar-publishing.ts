import type { CalendarSummary } from '../../contract/console/work-order-views';
import { WorkCalendar } from '../../contract/work-calendar';
import { err, ok, type Result } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';
import { currentDocument } from '../store/documents';
import { publishWorkCalendar } from '../store/reference-data';

/**
 * A county publishes a new working calendar without a release (a new State Council notice, a
 * correction): from the console or `npm run platform -- publish-calendar <file.json>`. The new
 * version becomes the current document at once: due dates computed from now on use it, and kiosks
 * fetch it on their next document refresh (getWorkCalendar). Only a newer version is taken: kiosks
 * cache by version, and an older one published after a newer one would move dates backwards.
 *
 * Versions compare part by part, split at "." and "-", numerically where both parts are numbers
 * (2026.12.01-1 < 2026.12.01-2 < 2027.01.05-1).
 */

export type CalendarPublishRefusal =
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'notNewer'; readonly version: string; readonly current: string };

export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/);
  const right = b.split(/[.-]/);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const x = left[index];
    const y = right[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^[0-9]+$/.test(x) && /^[0-9]+$/.test(y);
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

export async function publishNewerCalendar(
  db: SqlQueries,
  value: unknown,
  now: Date,
): Promise<Result<{ version: string; previousVersion: string | null }, CalendarPublishRefusal>> {
  const parsed = WorkCalendar.safeParse(value);
  if (!parsed.success)
    return err({
      kind: 'invalid',
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
    });
  const calendar = parsed.data;
  // Read the current version, then publish: serializable, so two instances publishing two newer
  // versions at once cannot both pass the check and leave the older one current (the one that
  // loses the race runs again, sees the other's version and is refused if its own is not newer).
  return db.transaction(
    async (tx) => {
      const current = await currentDocument(tx, 'workCalendar');
      if (current && compareVersions(calendar.version, current.version) <= 0)
        return err({ kind: 'notNewer', version: calendar.version, current: current.version });
      const published = await publishWorkCalendar(tx, calendar, now);
      if (!published.ok)
        return published.error.kind === 'invalidDocument'
          ? err({ kind: 'invalid', issues: published.error.issues })
          : // The version exists but is not the current one: an older document reused the name.
            err({ kind: 'notNewer', version: calendar.version, current: current?.version ?? calendar.version });
      return ok({ version: calendar.version, previousVersion: current?.version ?? null });
    },
    { isolation: 'serializable' },
  );
}

export function describeCalendarRefusal(refusal: CalendarPublishRefusal): string {
  return refusal.kind === 'invalid'
    ? `the calendar is not valid: ${refusal.issues.join('; ')}`
    : `version ${refusal.version} is not newer than the current ${refusal.current}: give the new calendar a later version`;
}

export async function calendarSummary(db: SqlQueries): Promise<CalendarSummary> {
  const current = await currentDocument(db, 'workCalendar');
  if (!current) return { current: null };
  const stored = await db.get<{ storedAt: string }>(
    `SELECT stored_at AS "storedAt" FROM published_documents WHERE kind = 'workCalendar' AND version = ?`,
    [current.version],
  );
  if (!stored) throw new Error(`the current work calendar ${current.version} has no row`);
  const storedAt = stored.storedAt;
  const calendar = JSON.parse(current.body) as WorkCalendar;
  return {
    current: {
      version: calendar.version,
      publishedAt: calendar.publishedAt,
      storedAt,
      years: calendar.years,
      holidays: calendar.holidays,
    },
  };
}

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../../core/pure/result';
import type { DatabaseConfig } from '../db/database-config';
import { DATABASE_OPTIONS, DATABASE_USAGE, databaseConfigFrom, openCommandDatabase } from './database-options';
import { describeCalendarRefusal, publishNewerCalendar } from '../work-orders/calendar-publishing';

/**
 * `npm run platform -- publish-calendar <file.json> --db <file> [--data-key-file <file>]` (or
 * `--database-url …` for PostgreSQL, cli/database-options.ts): publish
 * a newer working calendar (the WorkCalendar JSON, platform/contract/work-calendar.ts) without a
 * release, the same as a county admin's upload in the console (work-orders/calendar-publishing.ts):
 * validated, refused unless its version is newer than the current one. Kiosks fetch it on their
 * next document refresh; due dates computed from now on use it. Safe beside a running platform
 * (SQLite in WAL mode, or PostgreSQL; the platform reads the current version on each use).
 */

export const PUBLISH_CALENDAR_USAGE = `usage: npm run platform -- publish-calendar <calendar.json> [--data-key-file <file>]
    ${DATABASE_USAGE}
  the file is a whole WorkCalendar (version, publishedAt, years, holidays) with a version newer than the current one`;

export interface PublishCalendarRequest {
  readonly file: string;
  readonly database: DatabaseConfig;
  readonly dataKeyFile?: string;
}

export type PublishCalendarError = { readonly kind: 'usage' | 'refused'; readonly message: string };

export function parsePublishCalendarArgs(
  args: readonly string[],
): Result<PublishCalendarRequest, PublishCalendarError> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...DATABASE_OPTIONS, 'data-key-file': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return err({ kind: 'usage', message: error instanceof Error ? error.message : String(error) });
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0)
    return err({ kind: 'usage', message: 'publish-calendar takes exactly one calendar file' });
  if (parsed.values.db === undefined && parsed.values['database-url'] === undefined) {
    return err({ kind: 'usage', message: 'publish-calendar needs --db or --database-url' });
  }
  const database = databaseConfigFrom(parsed.values, parsed.values.db ?? '');
  if (!database.ok) return err({ kind: 'usage', message: database.error });
  return ok({
    file,
    database: database.value,
    ...(parsed.values['data-key-file'] !== undefined ? { dataKeyFile: parsed.values['data-key-file'] } : {}),
  });
}

export async function publishCalendarFile(
  request: PublishCalendarRequest,
  at: Date,
): Promise<Result<{ version: string; previousVersion: string | null }, PublishCalendarError>> {
  const refused = (message: string) => err({ kind: 'refused' as const, message });
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(request.file, 'utf8'));
  } catch (error) {
    return refused(`cannot read ${request.file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const opened = await openCommandDatabase(request.database, request.dataKeyFile);
  if (!opened.ok) return refused(opened.error);
  const db = opened.value;
  try {
    const published = await publishNewerCalendar(db, value, at);
    return published.ok ? published : refused(describeCalendarRefusal(published.error));
  } finally {
    await db.close();
  }
}

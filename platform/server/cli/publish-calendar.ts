import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../../../core/pure/result';
import { describeDbOpenError } from '../db/open';
import { openDatabase } from '../db/open-database';
import { sealerForDatabase } from '../sealing/database-key';
import { describeCalendarRefusal, publishNewerCalendar } from '../work-orders/calendar-publishing';

/**
 * `npm run platform -- publish-calendar <file.json> --db <file> [--data-key-file <file>]`: publish
 * a newer working calendar (the WorkCalendar JSON, platform/contract/work-calendar.ts) without a
 * release, the same as a county admin's upload in the console (work-orders/calendar-publishing.ts):
 * validated, refused unless its version is newer than the current one. Kiosks fetch it on their
 * next document refresh; due dates computed from now on use it. Safe beside a running platform
 * (SQLite in WAL mode; the platform reads the current version on each use).
 */

export const PUBLISH_CALENDAR_USAGE = `usage: npm run platform -- publish-calendar <calendar.json> --db <file> [--data-key-file <file>]
  the file is a whole WorkCalendar (version, publishedAt, years, holidays) with a version newer than the current one`;

export interface PublishCalendarRequest {
  readonly file: string;
  readonly dbPath: string;
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
      options: { db: { type: 'string' }, 'data-key-file': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return err({ kind: 'usage', message: error instanceof Error ? error.message : String(error) });
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0)
    return err({ kind: 'usage', message: 'publish-calendar takes exactly one calendar file' });
  if (parsed.values.db === undefined) return err({ kind: 'usage', message: 'publish-calendar needs --db' });
  return ok({
    file,
    dbPath: parsed.values.db,
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
  const key = sealerForDatabase(request.dbPath, request.dataKeyFile);
  if (!key.ok) return refused(key.error);
  const opened = await openDatabase({ engine: 'sqlite', path: request.dbPath }, key.value.sealer);
  if (!opened.ok) return refused(describeDbOpenError(request.dbPath, opened.error));
  const db = opened.value;
  try {
    const published = await publishNewerCalendar(db, value, at);
    return published.ok ? published : refused(describeCalendarRefusal(published.error));
  } finally {
    await db.close();
  }
}

import type { AuditEntry, AuditPage, AuditQuery, ConsoleUser } from '../../contract/console/users';
import type { z } from 'zod';
import type { SqlQueries, SqlValue } from '../db/sql';

/**
 * The console's audit log (migration 0007): every login, logout, change and refusal, with who,
 * what, when and from where. Rows are only ever added; nothing here updates or deletes one.
 *
 * Who may read what: a county admin reads every entry; a township admin reads the entries of
 * users scoped to its own township (the actor's township is written with the entry, so a user
 * moved later does not rewrite history). Failed logins of unknown usernames have no township and
 * are for county admins only.
 */

export type AuditOutcome = AuditEntry['outcome'];

export interface NewAuditEntry {
  readonly at: Date;
  /** The signed-in user, or null (a login attempt, a request without a session). */
  readonly actor: ConsoleUser | null;
  readonly action: string;
  readonly target: string | null;
  readonly outcome: AuditOutcome;
  readonly ip: string;
  readonly detail?: string | null;
}

const clip = (text: string | null | undefined, max: number): string | null =>
  text === null || text === undefined ? null : text.slice(0, max);

export async function writeAudit(db: SqlQueries, entry: NewAuditEntry): Promise<void> {
  const township = entry.actor?.scope.kind === 'township' ? entry.actor.scope.townshipCode : null;
  await db.run(
    'INSERT INTO console_audit (at, username, actor_township, action, target, outcome, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      entry.at.toISOString(),
      entry.actor?.username ?? null,
      township,
      entry.action,
      clip(entry.target, 200),
      entry.outcome,
      clip(entry.ip, 64) ?? '',
      clip(entry.detail, 500),
    ],
  );
}

interface AuditRow {
  audit_id: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  ip: string;
  detail: string | null;
}

export const AUDIT_PAGE_SIZE = 100;

/** Newest first, AUDIT_PAGE_SIZE a page, only what `reader` may see. */
export async function auditPage(
  db: SqlQueries,
  reader: ConsoleUser,
  query: z.infer<typeof AuditQuery>,
): Promise<AuditPage> {
  const where: string[] = [];
  const values: SqlValue[] = [];
  if (reader.role !== 'countyAdmin') {
    if (reader.scope.kind !== 'township') return { entries: [], nextBefore: null };
    where.push('actor_township = ?');
    values.push(reader.scope.townshipCode);
  }
  if (query.from !== undefined) {
    where.push('at >= ?');
    values.push(new Date(query.from).toISOString());
  }
  if (query.to !== undefined) {
    where.push('at < ?');
    values.push(new Date(query.to).toISOString());
  }
  if (query.username !== undefined) {
    where.push('username = ?');
    values.push(query.username);
  }
  if (query.before !== undefined) {
    where.push('audit_id < ?');
    values.push(query.before);
  }
  const rows = await db.all<AuditRow>(
    `SELECT audit_id, at, username, action, target, outcome, ip, detail FROM console_audit
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_id DESC LIMIT ?`,
    [...values, AUDIT_PAGE_SIZE + 1],
  );
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const entries = page.map((row) => ({
    auditId: row.audit_id,
    at: row.at,
    username: row.username,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    ip: row.ip,
    detail: row.detail,
  }));
  return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.audit_id ?? null) : null };
}

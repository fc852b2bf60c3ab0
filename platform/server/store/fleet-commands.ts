import type Database from 'better-sqlite3';
import type { CommandView } from '../../contract/console/fleet-views';
import type { CommandResult, RemoteCommand, RemoteCommandRequest } from '../../contract/fleet';

/**
 * Remote commands (`CMD-<n>`): issued by a console user, carried to the kiosk by the next
 * heartbeat answer (once: a command is delivered with one answer only), and answered once with
 * its result. A kiosk that hears of a command after `expiresAt` answers `expired` and does nothing.
 */

interface Row {
  id: number;
  terminal_id: string;
  request: string;
  issued_at: string;
  issued_by: string;
  expires_at: string;
  delivered_at: string | null;
  result: string | null;
  result_at: string | null;
}

export const commandId = (id: number): string => `CMD-${id}`;

/** The number behind `CMD-<n>`; undefined when it is not one. */
export function commandNumber(id: string): number | undefined {
  const match = /^CMD-([0-9]{1,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

function view(row: Row, now: Date): CommandView {
  const result = row.result === null ? null : (JSON.parse(row.result) as CommandResult);
  const state: CommandView['state'] = result
    ? result.outcome
    : Date.parse(row.expires_at) <= now.getTime()
      ? 'expired'
      : row.delivered_at
        ? 'delivered'
        : 'pending';
  return {
    commandId: commandId(row.id),
    terminalId: row.terminal_id,
    request: JSON.parse(row.request) as RemoteCommandRequest,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    expiresAt: row.expires_at,
    deliveredAt: row.delivered_at,
    state,
    result,
  };
}

export function issueCommand(
  db: Database.Database,
  command: { terminalId: string; request: RemoteCommandRequest; issuedBy: string; lifetimeMinutes: number },
  now: Date,
): CommandView {
  const expires = new Date(now.getTime() + command.lifetimeMinutes * 60_000);
  const info = db
    .prepare(
      `INSERT INTO remote_commands (terminal_id, kind, request, issued_at, issued_by, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      command.terminalId,
      command.request.kind,
      JSON.stringify(command.request),
      now.toISOString(),
      command.issuedBy,
      expires.toISOString(),
    );
  const found = findCommand(db, commandId(Number(info.lastInsertRowid)), now);
  if (!found) throw new Error('a command vanished inside its own transaction');
  return found;
}

export function findCommand(db: Database.Database, id: string, now: Date): CommandView | undefined {
  const number = commandNumber(id);
  if (number === undefined) return undefined;
  const row = db.prepare('SELECT * FROM remote_commands WHERE id = ?').get(number) as Row | undefined;
  return row && view(row, now);
}

/** Newest first. */
export function recentCommands(db: Database.Database, terminalId: string, limit: number, now: Date): CommandView[] {
  const rows = db
    .prepare('SELECT * FROM remote_commands WHERE terminal_id = ? ORDER BY id DESC LIMIT ?')
    .all(terminalId, limit) as Row[];
  return rows.map((row) => view(row, now));
}

/**
 * The kiosk's commands not yet delivered and not expired, oldest first (at most `limit`), now
 * marked delivered: the heartbeat answer that carries them is their one delivery.
 */
export function takeCommandsToDeliver(
  db: Database.Database,
  terminalId: string,
  limit: number,
  now: Date,
): RemoteCommand[] {
  const rows = db
    .prepare(
      `SELECT * FROM remote_commands
       WHERE terminal_id = ? AND delivered_at IS NULL AND result IS NULL AND expires_at > ?
       ORDER BY id LIMIT ?`,
    )
    .all(terminalId, now.toISOString(), limit) as Row[];
  const mark = db.prepare('UPDATE remote_commands SET delivered_at = ? WHERE id = ?');
  for (const row of rows) mark.run(now.toISOString(), row.id);
  return rows.map((row) => ({
    commandId: commandId(row.id),
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    request: JSON.parse(row.request) as RemoteCommandRequest,
  }));
}

export type StoreResultOutcome =
  | { readonly kind: 'stored'; readonly receivedAt: string }
  | { readonly kind: 'alreadyStored'; readonly receivedAt: string }
  | { readonly kind: 'notFound' };

/** Stores the result once; a command of another terminal is `notFound`, like one that does not exist. */
export function storeCommandResult(
  db: Database.Database,
  terminalId: string,
  id: string,
  result: CommandResult,
  now: Date,
): StoreResultOutcome {
  const number = commandNumber(id);
  const row =
    number === undefined
      ? undefined
      : (db.prepare('SELECT * FROM remote_commands WHERE id = ? AND terminal_id = ?').get(number, terminalId) as
          Row | undefined);
  if (!row) return { kind: 'notFound' };
  if (row.result_at !== null) return { kind: 'alreadyStored', receivedAt: row.result_at };
  const receivedAt = now.toISOString();
  db.prepare('UPDATE remote_commands SET outcome = ?, result = ?, result_at = ? WHERE id = ?').run(
    result.outcome,
    JSON.stringify(result),
    receivedAt,
    row.id,
  );
  return { kind: 'stored', receivedAt };
}

/** Whether the last out-of-service command the kiosk carried out switched it off (false: none, or back on). */
export function outOfServiceInForce(db: Database.Database, terminalId: string): boolean {
  const request = db
    .prepare(
      `SELECT request FROM remote_commands
       WHERE terminal_id = ? AND kind = 'outOfService' AND outcome = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get(terminalId) as string | undefined;
  if (request === undefined) return false;
  const parsed = JSON.parse(request) as RemoteCommandRequest;
  return parsed.kind === 'outOfService' && parsed.on;
}

import type { SqlQueries } from '../db/sql';
import type { CommandView } from '../../contract/console/fleet-views';
import type { CommandResult, RemoteCommand, RemoteCommandRequest } from '../../contract/fleet';

/**
 * Remote commands (`CMD-<n>`): issued by a console user, carried to the kiosk by the next
 * heartbeat answer (once: a command is delivered with one answer only), and answered once with
 * its result. A kiosk that hears of a command after `expiresAt` answers `expired` and does nothing.
 * Delivery and result are conditional UPDATEs (`delivered_at IS NULL`, `result IS NULL`): with two
 * platform instances answering the same kiosk at once, the row count gives each command to one.
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

export async function issueCommand(
  db: SqlQueries,
  command: { terminalId: string; request: RemoteCommandRequest; issuedBy: string; lifetimeMinutes: number },
  now: Date,
): Promise<CommandView> {
  const expires = new Date(now.getTime() + command.lifetimeMinutes * 60_000);
  const row = await db.get<Row>(
    `INSERT INTO remote_commands (terminal_id, kind, request, issued_at, issued_by, expires_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
    [
      command.terminalId,
      command.request.kind,
      JSON.stringify(command.request),
      now.toISOString(),
      command.issuedBy,
      expires.toISOString(),
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no command row');
  return view(row, now);
}

export async function findCommand(db: SqlQueries, id: string, now: Date): Promise<CommandView | undefined> {
  const number = commandNumber(id);
  if (number === undefined) return undefined;
  const row = await db.get<Row>('SELECT * FROM remote_commands WHERE id = ?', [number]);
  return row && view(row, now);
}

/** Newest first. */
export async function recentCommands(
  db: SqlQueries,
  terminalId: string,
  limit: number,
  now: Date,
): Promise<CommandView[]> {
  const rows = await db.all<Row>('SELECT * FROM remote_commands WHERE terminal_id = ? ORDER BY id DESC LIMIT ?', [
    terminalId,
    limit,
  ]);
  return rows.map((row) => view(row, now));
}

/**
 * The kiosk's commands not yet delivered and not expired, oldest first (at most `limit`), now
 * marked delivered: the heartbeat answer that carries them is their one delivery. One UPDATE
 * both picks and marks them, and `delivered_at IS NULL` is checked again on each row it locks:
 * two heartbeats of the kiosk answered at once by two instances never carry the same command.
 */
export async function takeCommandsToDeliver(
  db: SqlQueries,
  terminalId: string,
  limit: number,
  now: Date,
): Promise<RemoteCommand[]> {
  const at = now.toISOString();
  const rows = await db.all<Row>(
    `UPDATE remote_commands SET delivered_at = ?
     WHERE id IN (
       SELECT id FROM remote_commands
       WHERE terminal_id = ? AND delivered_at IS NULL AND result IS NULL AND expires_at > ?
       ORDER BY id LIMIT ?
     ) AND delivered_at IS NULL
     RETURNING *`,
    [at, terminalId, at, limit],
  );
  // RETURNING has no order of its own.
  return rows
    .sort((a, b) => a.id - b.id)
    .map((row) => ({
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

/**
 * Stores the result once; a command of another terminal is `notFound`, like one that does not
 * exist. `result IS NULL` in the UPDATE decides which of two results sent at once is kept.
 */
export async function storeCommandResult(
  db: SqlQueries,
  terminalId: string,
  id: string,
  result: CommandResult,
  now: Date,
): Promise<StoreResultOutcome> {
  const number = commandNumber(id);
  if (number === undefined) return { kind: 'notFound' };
  const receivedAt = now.toISOString();
  const stored = await db.run(
    `UPDATE remote_commands SET outcome = ?, result = ?, result_at = ?
     WHERE id = ? AND terminal_id = ? AND result IS NULL`,
    [result.outcome, JSON.stringify(result), receivedAt, number, terminalId],
  );
  if (stored.changes === 1) return { kind: 'stored', receivedAt };
  const row = await db.get<{ result_at: string | null }>(
    'SELECT result_at FROM remote_commands WHERE id = ? AND terminal_id = ?',
    [number, terminalId],
  );
  if (!row || row.result_at === null) return { kind: 'notFound' };
  return { kind: 'alreadyStored', receivedAt: row.result_at };
}

/** Whether the last out-of-service command the kiosk carried out switched it off (false: none, or back on). */
export async function outOfServiceInForce(db: SqlQueries, terminalId: string): Promise<boolean> {
  const row = await db.get<{ request: string }>(
    `SELECT request FROM remote_commands
     WHERE terminal_id = ? AND kind = 'outOfService' AND outcome = 'done' ORDER BY id DESC LIMIT 1`,
    [terminalId],
  );
  if (row === undefined) return false;
  const parsed = JSON.parse(row.request) as RemoteCommandRequest;
  return parsed.kind === 'outOfService' && parsed.on;
}

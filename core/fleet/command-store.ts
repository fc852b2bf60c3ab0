import type Database from 'better-sqlite3';

/**
 * The remote commands this kiosk took on (migration 0016). A command is claimed before it runs,
 * so one that comes again in the next heartbeat answer (its result still on its way) or that was
 * interrupted by a crash is never run a second time.
 */

export type CommandOutcome = 'running' | 'done' | 'refused';

/** True when this call claimed the command; false when it was claimed before. */
export function claimCommand(db: Database.Database, commandId: string, now: Date): boolean {
  const info = db
    .prepare(`INSERT OR IGNORE INTO fleet_command (command_id, received_at, outcome) VALUES (?, ?, 'running')`)
    .run(commandId, now.toISOString());
  return info.changes === 1;
}

export function settleCommand(db: Database.Database, commandId: string, outcome: Exclude<CommandOutcome, 'running'>) {
  db.prepare('UPDATE fleet_command SET outcome = ? WHERE command_id = ?').run(outcome, commandId);
}

/** Commands claimed by a run that ended before their result was stored (a crash, a restart mid-command). */
export function interruptedCommands(db: Database.Database): string[] {
  return db
    .prepare(`SELECT command_id FROM fleet_command WHERE outcome = 'running' ORDER BY rowid`)
    .pluck()
    .all() as string[];
}

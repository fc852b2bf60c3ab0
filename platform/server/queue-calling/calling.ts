import { err, ok, type Result } from '../../../core/pure/result';
import { isUniqueViolation, type SqlQueries } from '../db/sql';
import { chinaDay } from '../time';
import { waitingForWindow } from './live-queue';
import { findWindow, setWindowState, type WindowRow } from './windows';

/**
 * The staff verbs at a window (叫号), each one transaction. Every step of a ticket is a
 * ticket_events row with its time, window and staff user; ticket_states keeps the ticket's latest
 * times. What keeps the verbs right with two windows, or two platform instances, at once:
 *
 * - One verb at a time per window: each verb first locks its window's row (lockWindow). On SQLite
 *   the transaction is BEGIN IMMEDIATE (one writer on the whole file, a second process waits on
 *   busy_timeout), so the lock is there already; on PostgreSQL at READ COMMITTED it is
 *   `SELECT … FOR UPDATE` on the queue_windows row, held to commit. So a window's own checks
 *   (is it open, who sits at it, has it a ticket now) cannot be overtaken by a verb on the same
 *   window from another instance.
 * - One window per ticket: a call takes the first waiting candidate with
 *   `UPDATE … WHERE status = 'waiting'` and moves on to the next one when that changed nothing.
 *   Two windows may read the same candidate (PostgreSQL at READ COMMITTED); the second UPDATE
 *   waits on the first one's row lock, sees the committed 'called' row and changes nothing. The
 *   row count decides, never the read.
 * - One ticket per window: the partial unique index of migration 0009 (ticket_states_one_per_window)
 *   refuses a second called or serving ticket at a window, whatever slipped past the checks.
 * - Displays never skip a call: the event rows of one station are numbered in commit order
 *   (lockStationEvents), because displays read "events after my cursor".
 */

export type CallingRefusal =
  | 'noSuchWindow'
  /** Someone else sits at the window. */
  | 'windowTaken'
  /** Only the one sitting at an open or paused window works it. */
  | 'notAtWindow'
  | 'windowPaused'
  /** The window still has a ticket called or being served. */
  | 'windowBusy'
  | 'noTicketWaiting'
  | 'noCurrentTicket'
  /** The current ticket is not in the state the verb needs (start a ticket being served …). */
  | 'wrongTicketState'
  | 'unknownService'
  | 'unknownWindow';

export type TicketEventKind = 'called' | 'recalled' | 'started' | 'finished' | 'noShow' | 'transferred';

export interface Actor {
  readonly userId: number;
  /** Admins may close a window someone else left open. */
  readonly admin: boolean;
}

export interface WindowKey {
  readonly stationId: string;
  readonly windowNo: number;
}

interface ActiveTicket {
  ticketId: string;
  status: 'called' | 'serving';
}

export interface VerbOutcome {
  readonly window: WindowRow;
  /** The ticket the verb moved (none for open, pause, close). */
  readonly ticketId: string | null;
  /** A call or recall that call displays announce. */
  readonly announced: boolean;
}

const ACTIVE_SELECT = `SELECT ticket_id AS "ticketId", status FROM ticket_states
  WHERE station_id = ? AND day = ? AND window_no = ? AND status IN ('called', 'serving')`;

async function activeTicket(db: SqlQueries, key: WindowKey, day: string): Promise<ActiveTicket | undefined> {
  return db.get<ActiveTicket>(ACTIVE_SELECT, [key.stationId, day, key.windowNo]);
}

export async function activeTicketId(db: SqlQueries, key: WindowKey, now: Date): Promise<string | undefined> {
  return (await activeTicket(db, key, chinaDay(now)))?.ticketId;
}

/**
 * Holds the window's row until commit, so verbs on one window run one after another on any
 * number of instances (PostgreSQL). SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
 */
async function lockWindow(tx: SqlQueries, key: WindowKey): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await tx.get('SELECT window_no FROM queue_windows WHERE station_id = ? AND window_no = ? FOR UPDATE', [
    key.stationId,
    key.windowNo,
  ]);
}

/** Two 32-bit keys for pg_advisory_xact_lock: this module's, and the station's (FNV-1a). */
const EVENTS_LOCK_SPACE = 0x7469636b; // 'tick'
function stationLockKey(stationId: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(stationId, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}

/**
 * Numbers a station's events in commit order. A display resumes from "the events after my cursor"
 * (call-display/board.ts); on PostgreSQL event_id comes from a sequence when the row is inserted,
 * so two transactions could commit ids 11 then 10, and a display that read 11 would never see 10.
 * A transaction-scoped advisory lock per station, taken just before the insert and held to commit,
 * makes the station's inserts, and so its ids, follow commit order. SQLite has one writer anyway.
 */
async function lockStationEvents(tx: SqlQueries, stationId: string): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await tx.get('SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER)) AS locked', [
    EVENTS_LOCK_SPACE,
    stationLockKey(stationId),
  ]);
}

async function recordEvent(
  tx: SqlQueries,
  ticketId: string,
  key: WindowKey,
  kind: TicketEventKind,
  actor: Actor,
  at: string,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await lockStationEvents(tx, key.stationId);
  await tx.run(
    `INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, staff_user_id, detail, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [ticketId, key.stationId, kind, key.windowNo, actor.userId, detail === null ? null : JSON.stringify(detail), at],
  );
}

type Verb = (tx: SqlQueries) => Promise<Result<VerbOutcome, CallingRefusal>>;

/**
 * Runs `work` in one transaction after locking the window (a refusal writes nothing before it
 * returns). On PostgreSQL a serialization failure or deadlock runs it again (db/postgres-sql.ts).
 */
function onWindow(db: SqlQueries, key: WindowKey, work: Verb): Promise<Result<VerbOutcome, CallingRefusal>> {
  return db.transaction(async (tx) => {
    await lockWindow(tx, key);
    return work(tx);
  });
}

async function done(tx: SqlQueries, key: WindowKey, ticketId: string | null, announced: boolean) {
  const window = await findWindow(tx, key.stationId, key.windowNo);
  if (!window) throw new Error('the window vanished inside its own transaction');
  return ok<VerbOutcome>({ window, ticketId, announced });
}

/** The window, when the actor sits at it and it is open or paused. */
async function workedWindow(tx: SqlQueries, key: WindowKey, actor: Actor): Promise<Result<WindowRow, CallingRefusal>> {
  const window = await findWindow(tx, key.stationId, key.windowNo);
  if (!window) return err('noSuchWindow');
  if (window.status === 'closed' || window.staffUserId !== actor.userId) return err('notAtWindow');
  return ok(window);
}

export function openWindow(db: SqlQueries, key: WindowKey, actor: Actor, now: Date) {
  return onWindow(db, key, async (tx) => {
    const window = await findWindow(tx, key.stationId, key.windowNo);
    if (!window) return err('noSuchWindow');
    if (window.status !== 'closed' && window.staffUserId !== actor.userId) return err('windowTaken');
    await setWindowState(tx, key.stationId, key.windowNo, 'open', actor.userId, now);
    return done(tx, key, null, false);
  });
}

export function pauseWindow(db: SqlQueries, key: WindowKey, actor: Actor, now: Date) {
  return onWindow(db, key, async (tx) => {
    const window = await workedWindow(tx, key, actor);
    if (!window.ok) return window;
    await setWindowState(tx, key.stationId, key.windowNo, 'paused', actor.userId, now);
    return done(tx, key, null, false);
  });
}

export function closeWindow(db: SqlQueries, key: WindowKey, actor: Actor, now: Date) {
  return onWindow(db, key, async (tx) => {
    const window = await findWindow(tx, key.stationId, key.windowNo);
    if (!window) return err('noSuchWindow');
    if (window.status !== 'closed' && window.staffUserId !== actor.userId && !actor.admin) return err('windowTaken');
    if (await activeTicket(tx, key, chinaDay(now))) return err('windowBusy');
    await setWindowState(tx, key.stationId, key.windowNo, 'closed', null, now);
    return done(tx, key, null, false);
  });
}

/** How many candidates one call looks at before reading the queue again. */
const CANDIDATES = 8;

const TAKE = `UPDATE ticket_states SET status = 'called', window_no = ?, staff_user_id = ?, called_at = ?,
    first_called_at = coalesce(first_called_at, ?), target_window = NULL, updated_at = ?
  WHERE ticket_id = ? AND status = 'waiting'`;

export async function callNext(db: SqlQueries, key: WindowKey, actor: Actor, now: Date) {
  try {
    return await onWindow(db, key, async (tx) => {
      const window = await workedWindow(tx, key, actor);
      if (!window.ok) return window;
      if (window.value.status === 'paused') return err('windowPaused');
      const day = chinaDay(now);
      if (await activeTicket(tx, key, day)) return err('windowBusy');
      const at = now.toISOString();
      for (;;) {
        // On PostgreSQL the first candidate is claimed with FOR UPDATE SKIP LOCKED (live-queue.ts):
        // a ticket another window is calling right now is passed over instead of waited for, and
        // the next in call order is taken. Whatever the read saw, the conditional UPDATE decides.
        const candidates = await waitingForWindow(tx, key.stationId, day, window.value, CANDIDATES, {
          claim: true,
        });
        if (candidates.length === 0) return err('noTicketWaiting');
        for (const candidate of candidates) {
          // The row count decides: 0 means another window called it first (it is no longer waiting).
          const taken = await tx.run(TAKE, [key.windowNo, actor.userId, at, at, at, candidate.ticketId]);
          if (taken.changes === 0) continue;
          await recordEvent(tx, candidate.ticketId, key, 'called', actor, at, { ticketNo: candidate.ticketNo });
          return done(tx, key, candidate.ticketId, true);
        }
      }
    });
  } catch (error) {
    // ticket_states_one_per_window: the window got a ticket after all (cannot happen while
    // lockWindow holds, kept as the last line of defence).
    if (isUniqueViolation(error)) return err<CallingRefusal>('windowBusy');
    throw error;
  }
}

/** The window's current ticket, for the verbs that act on it. */
async function currentTicket(
  tx: SqlQueries,
  key: WindowKey,
  actor: Actor,
  now: Date,
): Promise<Result<ActiveTicket, CallingRefusal>> {
  const window = await workedWindow(tx, key, actor);
  if (!window.ok) return window;
  const active = await activeTicket(tx, key, chinaDay(now));
  return active ? ok(active) : err('noCurrentTicket');
}

export function recall(db: SqlQueries, key: WindowKey, actor: Actor, now: Date) {
  return onWindow(db, key, async (tx) => {
    const current = await currentTicket(tx, key, actor, now);
    if (!current.ok) return current;
    if (current.value.status !== 'called') return err('wrongTicketState');
    const at = now.toISOString();
    const counted = await tx.get<{ count: number }>(
      `UPDATE ticket_states SET recall_count = recall_count + 1, recalled_at = ?, updated_at = ? WHERE ticket_id = ?
       RETURNING recall_count AS count`,
      [at, at, current.value.ticketId],
    );
    if (!counted) throw new Error('the current ticket vanished inside its own transaction');
    await recordEvent(tx, current.value.ticketId, key, 'recalled', actor, at, { recallCount: counted.count });
    return done(tx, key, current.value.ticketId, true);
  });
}

/** Moves the window's current ticket from `from` to `to`, stamping `stampColumn`. */
function step(
  from: ActiveTicket['status'],
  to: 'serving' | 'finished' | 'noShow',
  stampColumn: 'started_at' | 'finished_at' | 'no_show_at',
  kind: TicketEventKind,
) {
  return (db: SqlQueries, key: WindowKey, actor: Actor, now: Date) =>
    onWindow(db, key, async (tx) => {
      const current = await currentTicket(tx, key, actor, now);
      if (!current.ok) return current;
      if (current.value.status !== from) return err('wrongTicketState');
      const at = now.toISOString();
      await tx.run(`UPDATE ticket_states SET status = ?, ${stampColumn} = ?, updated_at = ? WHERE ticket_id = ?`, [
        to,
        at,
        at,
        current.value.ticketId,
      ]);
      await recordEvent(tx, current.value.ticketId, key, kind, actor, at);
      return done(tx, key, current.value.ticketId, false);
    });
}

export const startServing = step('called', 'serving', 'started_at', 'started');
export const finish = step('serving', 'finished', 'finished_at', 'finished');
export const noShow = step('called', 'noShow', 'no_show_at', 'noShow');

export type TransferTarget = { readonly toService: string } | { readonly toWindow: number };

/**
 * Back to waiting, keeping its number and its place by issue time: in another service's queue, or
 * for one window only (which calls it like the tickets of its own services).
 */
export function transfer(
  db: SqlQueries,
  key: WindowKey,
  actor: Actor,
  target: TransferTarget,
  stationServices: readonly string[],
  now: Date,
) {
  return onWindow(db, key, async (tx) => {
    const current = await currentTicket(tx, key, actor, now);
    if (!current.ok) return current;
    const at = now.toISOString();
    const ticketId = current.value.ticketId;
    if ('toService' in target) {
      if (!stationServices.includes(target.toService)) return err('unknownService');
      await tx.run(
        `UPDATE ticket_states SET status = 'waiting', queue_service = ?, target_window = NULL, window_no = NULL,
           staff_user_id = NULL, transferred_at = ?, updated_at = ? WHERE ticket_id = ?`,
        [target.toService, at, at, ticketId],
      );
    } else {
      if (target.toWindow === key.windowNo || !(await findWindow(tx, key.stationId, target.toWindow))) {
        return err('unknownWindow');
      }
      await tx.run(
        `UPDATE ticket_states SET status = 'waiting', target_window = ?, window_no = NULL, staff_user_id = NULL,
           transferred_at = ?, updated_at = ? WHERE ticket_id = ?`,
        [target.toWindow, at, at, ticketId],
      );
    }
    await recordEvent(tx, ticketId, key, 'transferred', actor, at, { ...target });
    return done(tx, key, ticketId, false);
  });
}

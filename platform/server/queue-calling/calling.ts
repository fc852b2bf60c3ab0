import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../core/pure/result';
import { chinaDay } from '../time';
import { waitingForWindow } from './live-queue';
import { findWindow, setWindowState, type WindowRow } from './windows';

/**
 * The staff verbs at a window (叫号), each one transaction that takes SQLite's write lock up front
 * (BEGIN IMMEDIATE: a second platform process on the same file waits on busy_timeout instead of
 * failing when it upgrades a read). Every step of a ticket is a ticket_events row with its time,
 * window and staff user; ticket_states keeps the ticket's latest times.
 *
 * A call takes the first waiting candidate with UPDATE … WHERE status = 'waiting' and moves on to
 * the next one when that changed nothing, so two windows never get the same ticket even where the
 * database lets both read the same candidate (PostgreSQL at READ COMMITTED); the partial unique
 * index of migration 0009 keeps a window to one called or served ticket.
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

function activeTicket(db: Database.Database, key: WindowKey, day: string): ActiveTicket | undefined {
  return db
    .prepare(
      `SELECT ticket_id AS ticketId, status FROM ticket_states
       WHERE station_id = ? AND day = ? AND window_no = ? AND status IN ('called', 'serving')`,
    )
    .get(key.stationId, day, key.windowNo) as ActiveTicket | undefined;
}

export function activeTicketId(db: Database.Database, key: WindowKey, now: Date): string | undefined {
  return activeTicket(db, key, chinaDay(now))?.ticketId;
}

function recordEvent(
  db: Database.Database,
  ticketId: string,
  key: WindowKey,
  kind: TicketEventKind,
  actor: Actor,
  at: string,
  detail: Record<string, unknown> | null = null,
): void {
  db.prepare(
    `INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, staff_user_id, detail, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(ticketId, key.stationId, kind, key.windowNo, actor.userId, detail === null ? null : JSON.stringify(detail), at);
}

/** Runs `work` in one immediate transaction; a Result error rolls nothing back (nothing was written). */
function inTransaction<T>(db: Database.Database, work: () => Result<T, CallingRefusal>): Result<T, CallingRefusal> {
  return db.transaction(work).immediate();
}

function done(db: Database.Database, key: WindowKey, ticketId: string | null, announced: boolean) {
  const window = findWindow(db, key.stationId, key.windowNo);
  if (!window) throw new Error('the window vanished inside its own transaction');
  return ok<VerbOutcome>({ window, ticketId, announced });
}

/** The window, when the actor sits at it and it is open or paused. */
function workedWindow(db: Database.Database, key: WindowKey, actor: Actor): Result<WindowRow, CallingRefusal> {
  const window = findWindow(db, key.stationId, key.windowNo);
  if (!window) return err('noSuchWindow');
  if (window.status === 'closed' || window.staffUserId !== actor.userId) return err('notAtWindow');
  return ok(window);
}

export function openWindow(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const window = findWindow(db, key.stationId, key.windowNo);
    if (!window) return err('noSuchWindow');
    if (window.status !== 'closed' && window.staffUserId !== actor.userId) return err('windowTaken');
    setWindowState(db, key.stationId, key.windowNo, 'open', actor.userId, now);
    return done(db, key, null, false);
  });
}

export function pauseWindow(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const window = workedWindow(db, key, actor);
    if (!window.ok) return window;
    setWindowState(db, key.stationId, key.windowNo, 'paused', actor.userId, now);
    return done(db, key, null, false);
  });
}

export function closeWindow(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const window = findWindow(db, key.stationId, key.windowNo);
    if (!window) return err('noSuchWindow');
    if (window.status !== 'closed' && window.staffUserId !== actor.userId && !actor.admin) return err('windowTaken');
    if (activeTicket(db, key, chinaDay(now))) return err('windowBusy');
    setWindowState(db, key.stationId, key.windowNo, 'closed', null, now);
    return done(db, key, null, false);
  });
}

/** How many candidates one call looks at before reading the queue again. */
const CANDIDATES = 8;

export function callNext(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const window = workedWindow(db, key, actor);
    if (!window.ok) return window;
    if (window.value.status === 'paused') return err('windowPaused');
    const day = chinaDay(now);
    if (activeTicket(db, key, day)) return err('windowBusy');
    const at = now.toISOString();
    const take = db.prepare(
      `UPDATE ticket_states SET status = 'called', window_no = ?, staff_user_id = ?, called_at = ?,
         first_called_at = coalesce(first_called_at, ?), target_window = NULL, updated_at = ?
       WHERE ticket_id = ? AND status = 'waiting'`,
    );
    for (;;) {
      const candidates = waitingForWindow(db, key.stationId, day, window.value, CANDIDATES);
      if (candidates.length === 0) return err('noTicketWaiting');
      for (const candidate of candidates) {
        if (take.run(key.windowNo, actor.userId, at, at, at, candidate.ticketId).changes === 0) continue;
        recordEvent(db, candidate.ticketId, key, 'called', actor, at, { ticketNo: candidate.ticketNo });
        return done(db, key, candidate.ticketId, true);
      }
    }
  });
}

/** The window's current ticket, for the verbs that act on it. */
function currentTicket(
  db: Database.Database,
  key: WindowKey,
  actor: Actor,
  now: Date,
): Result<ActiveTicket, CallingRefusal> {
  const window = workedWindow(db, key, actor);
  if (!window.ok) return window;
  const active = activeTicket(db, key, chinaDay(now));
  return active ? ok(active) : err('noCurrentTicket');
}

export function recall(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const current = currentTicket(db, key, actor, now);
    if (!current.ok) return current;
    if (current.value.status !== 'called') return err('wrongTicketState');
    const at = now.toISOString();
    db.prepare(
      `UPDATE ticket_states SET recall_count = recall_count + 1, recalled_at = ?, updated_at = ? WHERE ticket_id = ?`,
    ).run(at, at, current.value.ticketId);
    const count = db
      .prepare('SELECT recall_count FROM ticket_states WHERE ticket_id = ?')
      .pluck()
      .get(current.value.ticketId) as number;
    recordEvent(db, current.value.ticketId, key, 'recalled', actor, at, { recallCount: count });
    return done(db, key, current.value.ticketId, true);
  });
}

export function startServing(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const current = currentTicket(db, key, actor, now);
    if (!current.ok) return current;
    if (current.value.status !== 'called') return err('wrongTicketState');
    const at = now.toISOString();
    db.prepare("UPDATE ticket_states SET status = 'serving', started_at = ?, updated_at = ? WHERE ticket_id = ?").run(
      at,
      at,
      current.value.ticketId,
    );
    recordEvent(db, current.value.ticketId, key, 'started', actor, at);
    return done(db, key, current.value.ticketId, false);
  });
}

export function finish(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const current = currentTicket(db, key, actor, now);
    if (!current.ok) return current;
    if (current.value.status !== 'serving') return err('wrongTicketState');
    const at = now.toISOString();
    db.prepare("UPDATE ticket_states SET status = 'finished', finished_at = ?, updated_at = ? WHERE ticket_id = ?").run(
      at,
      at,
      current.value.ticketId,
    );
    recordEvent(db, current.value.ticketId, key, 'finished', actor, at);
    return done(db, key, current.value.ticketId, false);
  });
}

export function noShow(db: Database.Database, key: WindowKey, actor: Actor, now: Date) {
  return inTransaction(db, () => {
    const current = currentTicket(db, key, actor, now);
    if (!current.ok) return current;
    if (current.value.status !== 'called') return err('wrongTicketState');
    const at = now.toISOString();
    db.prepare("UPDATE ticket_states SET status = 'noShow', no_show_at = ?, updated_at = ? WHERE ticket_id = ?").run(
      at,
      at,
      current.value.ticketId,
    );
    recordEvent(db, current.value.ticketId, key, 'noShow', actor, at);
    return done(db, key, current.value.ticketId, false);
  });
}

export type TransferTarget = { readonly toService: string } | { readonly toWindow: number };

/**
 * Back to waiting, keeping its number and its place by issue time: in another service's queue, or
 * for one window only (which calls it like the tickets of its own services).
 */
export function transfer(
  db: Database.Database,
  key: WindowKey,
  actor: Actor,
  target: TransferTarget,
  stationServices: readonly string[],
  now: Date,
) {
  return inTransaction(db, () => {
    const current = currentTicket(db, key, actor, now);
    if (!current.ok) return current;
    const at = now.toISOString();
    const ticketId = current.value.ticketId;
    if ('toService' in target) {
      if (!stationServices.includes(target.toService)) return err('unknownService');
      db.prepare(
        `UPDATE ticket_states SET status = 'waiting', queue_service = ?, target_window = NULL, window_no = NULL,
           staff_user_id = NULL, transferred_at = ?, updated_at = ? WHERE ticket_id = ?`,
      ).run(target.toService, at, at, ticketId);
    } else {
      if (target.toWindow === key.windowNo || !findWindow(db, key.stationId, target.toWindow)) {
        return err('unknownWindow');
      }
      db.prepare(
        `UPDATE ticket_states SET status = 'waiting', target_window = ?, window_no = NULL, staff_user_id = NULL,
           transferred_at = ?, updated_at = ? WHERE ticket_id = ?`,
      ).run(target.toWindow, at, at, ticketId);
    }
    recordEvent(db, ticketId, key, 'transferred', actor, at, { ...target });
    return done(db, key, ticketId, false);
  });
}

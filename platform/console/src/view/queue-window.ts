import type { QueueWindowView, TicketStatus, WindowStatus } from '../../../contract/console/queue-views';
import type { ConsoleError } from '../api/client';

/**
 * What the window page (screens/WindowPage.tsx) derives from a QueueWindowView: which verbs the
 * person at the window can press now, the timers, and a conflict's own sentence.
 */

export type WindowVerb =
  'open' | 'pause' | 'close' | 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer';

/** The verbs that make sense now; the platform refuses the others anyway. */
export function enabledVerbs(view: Pick<QueueWindowView, 'window' | 'current'>): ReadonlySet<WindowVerb> {
  const verbs = new Set<WindowVerb>();
  const { status, staffIsMe } = view.window;
  const mine = staffIsMe && status !== 'closed';
  const ticket: TicketStatus | null = view.current?.status ?? null;
  if (status === 'closed' || (mine && status === 'paused')) verbs.add('open');
  if (!mine) return verbs;
  if (status === 'open') verbs.add('pause');
  if (ticket === null) {
    verbs.add('close');
    if (status === 'open') verbs.add('callNext');
  }
  if (ticket === 'called') ['recall', 'start', 'noShow', 'transfer'].forEach((verb) => verbs.add(verb as WindowVerb));
  if (ticket === 'serving') ['finish', 'transfer'].forEach((verb) => verbs.add(verb as WindowVerb));
  return verbs;
}

/** The open button says "resume" on a paused window of mine. */
export const openWords = (status: WindowStatus, staffIsMe: boolean): 'open' | 'resume' =>
  status === 'paused' && staffIsMe ? 'resume' : 'open';

/** Whole seconds from `fromIso` to `now` (never negative: the platform's clock may be a little ahead). */
export function secondsSince(fromIso: string | null, now: Date): number | null {
  if (fromIso === null) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 1000));
}

/** 4:05 or 1:02:03 — a timer as a clock shows it. */
export function formatTimer(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export const CONFLICT_CODES = [
  'windowTaken',
  'notAtWindow',
  'windowPaused',
  'windowBusy',
  'noTicketWaiting',
  'noCurrentTicket',
  'wrongTicketState',
  'unknownService',
  'unknownWindow',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/**
 * The queue refusal a problem answer names (its detail starts with the code:
 * platform/server/queue-calling/console-handlers.ts), or null for any other error.
 */
export function conflictCode(error: ConsoleError): ConflictCode | null {
  if (error.kind !== 'problem' || error.detail === null) return null;
  const code = /^([a-zA-Z]+):/.exec(error.detail)?.[1];
  return ((CONFLICT_CODES as readonly string[]).find((known) => known === code) as ConflictCode | undefined) ?? null;
}

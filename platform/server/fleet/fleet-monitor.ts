import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../core/pure/result';
import type { Heartbeat } from '../../contract/terminals';
import type { PlatformLog } from '../http/types';
import { loadEveryKioskState, loadKioskState, saveKioskStates } from '../store/fleet-state';
import {
  acknowledge,
  evaluate,
  nextDeadline,
  pruneHistory,
  type AcknowledgeError,
  type FleetState,
  type RuleId,
} from './alarms';
import { healthSummaryOf } from './health-summary';
import { deliverNotices } from './notice-delivery';
import type { FleetSettings } from './settings';

/**
 * The alarm engine wired to the database: every heartbeat is evaluated for its kiosk, a tick
 * looks at every kiosk's silence, and the notices become alarm rows and timeline lines, all in
 * the caller's transaction. Holds no state of its own: the engine's state lives in
 * fleet_kiosk_state, so any number of these (one per platform instance) can share a database.
 */

export interface FleetMonitorDeps {
  readonly db: Database.Database;
  readonly fleet: FleetSettings;
  readonly log: PlatformLog;
}

/** History older than this is pruned: the console reports this month and the previous eleven. */
const KEEP_HISTORY_DAYS = 13 * 31;

export function evaluateHeartbeat(deps: FleetMonitorDeps, terminalId: string, heartbeat: Heartbeat, now: Date): void {
  const state = loadKioskState(deps.db, terminalId);
  const fact = {
    kind: 'heartbeat',
    kioskId: terminalId,
    intervalSeconds: deps.fleet.heartbeatIntervalSeconds,
    health: healthSummaryOf(heartbeat),
  };
  apply(deps, state, evaluate(state, fact, now, deps.fleet.alarms), terminalId);
}

/** Evaluates every kiosk's silence at `now`; answers when the next tick is due (null: nothing pending). */
export function tickFleet(deps: FleetMonitorDeps, now: Date): number | null {
  let earliest: number | null = null;
  deps.db.transaction(() => {
    for (const state of loadEveryKioskState(deps.db)) {
      const kioskId = Object.keys(state.kiosks)[0] ?? 'unknown';
      const evaluated = evaluate(state, { kind: 'tick' }, now, deps.fleet.alarms);
      const next = apply(deps, state, evaluated, kioskId, now);
      const due = nextDeadline(next, deps.fleet.alarms);
      if (due !== null && (earliest === null || due < earliest)) earliest = due;
    }
  })();
  return earliest;
}

function apply(
  deps: FleetMonitorDeps,
  before: FleetState,
  evaluated: ReturnType<typeof evaluate>,
  kioskId: string,
  pruneAt?: Date,
): FleetState {
  if (!evaluated.ok) {
    // The clock went back past the tolerance, or the mapping made a bad fact: a bug or a clock to
    // fix, reported, never an answer the kiosk could act on.
    deps.log('error', 'fleet alarm evaluation refused', { kioskId, error: JSON.stringify(evaluated.error) });
    return before;
  }
  const state = pruneAt
    ? pruneHistory(evaluated.value.state, pruneAt.getTime() - KEEP_HISTORY_DAYS * 86_400_000)
    : evaluated.value.state;
  saveKioskStates(deps.db, state);
  deliverNotices(deps.db, evaluated.value.notices);
  return state;
}

export type AcknowledgeFailure = AcknowledgeError;

/** An owner acknowledges the open alarm of a kiosk and rule; stored with the alarm and on the timeline. */
export function acknowledgeAlarm(
  deps: FleetMonitorDeps,
  request: { terminalId: string; rule: RuleId; by: string; note?: string },
  now: Date,
): Result<void, AcknowledgeFailure> {
  return deps.db.transaction(() => {
    const state = loadKioskState(deps.db, request.terminalId);
    const acknowledged = acknowledge(
      state,
      {
        kioskId: request.terminalId,
        ruleId: request.rule,
        by: request.by,
        ...(request.note === undefined ? {} : { note: request.note }),
      },
      now,
    );
    if (!acknowledged.ok) return err(acknowledged.error);
    saveKioskStates(deps.db, acknowledged.value.state);
    deliverNotices(deps.db, [acknowledged.value.notice]);
    return ok(undefined);
  })();
}

/** The engine's current view of one kiosk (undefined before its first heartbeat). */
export function kioskRecord(db: Database.Database, terminalId: string) {
  return loadKioskState(db, terminalId).kiosks[terminalId];
}

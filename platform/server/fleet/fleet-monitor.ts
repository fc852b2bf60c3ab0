import { err, ok, type Result } from '../../../core/pure/result';
import type { Heartbeat } from '../../contract/terminals';
import type { SqlQueries } from '../db/sql';
import type { PlatformLog } from '../http/types';
import {
  kioskRecordChanged,
  loadKioskState,
  readEveryKioskState,
  readKioskState,
  writeKioskState,
  type StoredKioskState,
} from '../store/fleet-state';
import {
  acknowledge,
  evaluate,
  nextDeadline,
  pruneHistory,
  type AcknowledgeError,
  type Evaluation,
  type FleetState,
  type RuleId,
} from './alarms';
import { healthSummaryOf } from './health-summary';
import { deliverNotices } from './notice-delivery';
import type { FleetSettings } from './settings';

/**
 * The alarm engine wired to the database: every heartbeat is evaluated for its kiosk, a tick
 * looks at every kiosk's silence, and the notices become alarm rows and timeline lines. Holds no
 * state of its own: the engine's state lives in fleet_kiosk_state, so any number of these (one
 * per platform instance) can share a database.
 *
 * What keeps two instances from raising, notifying or resolving an alarm twice: each kiosk's
 * state is replaced only by a compare-and-set against the row its evaluation started from
 * (store/fleet-state.ts), and the notices of an evaluation are delivered in the same transaction
 * as its successful write. Two instances evaluating the same kiosk at once (two ticks, a tick and
 * a heartbeat) therefore never both deliver: the loser evaluates again from the winner's state,
 * in which the alarm is already raised. The alarm rows' own conditional writes
 * (store/fleet-alarms.ts) are a second line: a notice that did arrive twice changes nothing.
 */

export interface FleetMonitorDeps {
  /** The database; for a heartbeat, the request's transaction (the evaluation joins it). */
  readonly db: SqlQueries;
  readonly fleet: FleetSettings;
  readonly log: PlatformLog;
}

/** History older than this is pruned: the console reports this month and the previous eleven. */
const KEEP_HISTORY_DAYS = 13 * 31;

/**
 * How often one kiosk's evaluation may lose the compare-and-set before it is a bug: each loss
 * means another instance committed a newer state of the same kiosk in between, which a handful
 * of instances cannot keep doing.
 */
const MAX_ATTEMPTS = 20;

type Step<E> = (state: FleetState) => Result<Evaluation, E>;

/**
 * Reads the kiosk's state, runs `step` on it, stores the result if the row is still as read and
 * delivers the notices; read again and repeat when another evaluation wrote first. Runs in a
 * transaction of its own, or inside the caller's. At READ COMMITTED each read sees what the
 * other committed, so the repeat makes progress.
 */
async function changeKiosk<E>(db: SqlQueries, terminalId: string, step: Step<E>): Promise<Result<FleetState, E>> {
  return db.transaction(async (tx) => {
    for (let attempt = 1; ; attempt += 1) {
      const read = await readKioskState(tx, terminalId);
      const stepped = step(read.state);
      if (!stepped.ok) return stepped;
      const { state, notices } = stepped.value;
      // Nothing to store or tell (a tick before any deadline): no write, no lock.
      if (notices.length === 0 && !kioskRecordChanged(read, state)) return ok(state);
      if (await writeKioskState(tx, read, state)) {
        await deliverNotices(tx, notices);
        return ok(state);
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new Error(`kiosk ${terminalId}: the engine state changed under ${MAX_ATTEMPTS} evaluations in a row`);
      }
    }
  });
}

/** The engine refused the fact (the clock went back past the tolerance, or a bad fact): a bug or a clock to fix, reported. */
function logRefusal(deps: FleetMonitorDeps, kioskId: string, error: unknown): void {
  deps.log('error', 'fleet alarm evaluation refused', { kioskId, error: JSON.stringify(error) });
}

export async function evaluateHeartbeat(
  deps: FleetMonitorDeps,
  terminalId: string,
  heartbeat: Heartbeat,
  now: Date,
): Promise<void> {
  const fact = {
    kind: 'heartbeat',
    kioskId: terminalId,
    intervalSeconds: deps.fleet.heartbeatIntervalSeconds,
    health: healthSummaryOf(heartbeat),
  };
  const changed = await changeKiosk(deps.db, terminalId, (state) => evaluate(state, fact, now, deps.fleet.alarms));
  if (!changed.ok) logRefusal(deps, terminalId, changed.error);
}

/**
 * Evaluates every kiosk's silence at `now`; answers when the next tick is due (null: nothing
 * pending). Each kiosk whose state changes gets its own short transaction, so a tick holds no
 * lock on the fleet and a heartbeat waits, at most, for its own kiosk.
 */
export async function tickFleet(deps: FleetMonitorDeps, now: Date): Promise<number | null> {
  let earliest: number | null = null;
  const step = (state: FleetState) => {
    const evaluated = evaluate(state, { kind: 'tick' }, now, deps.fleet.alarms);
    if (!evaluated.ok) return evaluated;
    const cutoff = now.getTime() - KEEP_HISTORY_DAYS * 86_400_000;
    return ok({ ...evaluated.value, state: pruneHistory(evaluated.value.state, cutoff) });
  };
  for (const read of await readEveryKioskState(deps.db)) {
    const next = await tickKiosk(deps, read, step);
    const due = next && nextDeadline(next, deps.fleet.alarms);
    if (due !== null && due !== undefined && (earliest === null || due < earliest)) earliest = due;
  }
  return earliest;
}

/** One kiosk of a tick: the state as read decides whether a transaction is needed at all. */
async function tickKiosk(
  deps: FleetMonitorDeps,
  read: StoredKioskState,
  step: Step<unknown>,
): Promise<FleetState | undefined> {
  const first = step(read.state);
  if (!first.ok) {
    logRefusal(deps, read.terminalId, first.error);
    return undefined;
  }
  if (first.value.notices.length === 0 && !kioskRecordChanged(read, first.value.state)) return first.value.state;
  const changed = await changeKiosk(deps.db, read.terminalId, step);
  if (!changed.ok) {
    logRefusal(deps, read.terminalId, changed.error);
    return undefined;
  }
  return changed.value;
}

export type AcknowledgeFailure = AcknowledgeError;

/** An owner acknowledges the open alarm of a kiosk and rule; stored with the alarm and on the timeline. */
export async function acknowledgeAlarm(
  deps: FleetMonitorDeps,
  request: { terminalId: string; rule: RuleId; by: string; note?: string },
  now: Date,
): Promise<Result<void, AcknowledgeFailure>> {
  const changed = await changeKiosk(deps.db, request.terminalId, (state) => {
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
    return acknowledged.ok
      ? ok({ state: acknowledged.value.state, notices: [acknowledged.value.notice] })
      : err(acknowledged.error);
  });
  return changed.ok ? ok(undefined) : err(changed.error);
}

/** The engine's current view of one kiosk (undefined before its first heartbeat). */
export async function kioskRecord(db: SqlQueries, terminalId: string) {
  return (await loadKioskState(db, terminalId)).kiosks[terminalId];
}

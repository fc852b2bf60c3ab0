import type Database from 'better-sqlite3';
import { addDays, dayIn, instantAt, parseClock } from '../../platform/contract/china-time';
import type { CommandResult } from '../../platform/contract/fleet';
import { InspectionReport } from '../../platform/contract/terminals';
import type { DevicesSnapshot } from '../api/devices';
import type { Logger } from '../logging/logger';
import type { DataSealer } from '../outbox';
import { saveInspection } from '../technician/inspection-store';
import type { EventRecorder } from './event-recorder';
import type { Timers } from './timers';

/** One device's result, as the `selfTest` remote command reports it (platform/contract/fleet.ts). */
export type DeviceSelfTest = NonNullable<Extract<CommandResult, { outcome: 'done' }>['selfTest']>[number];

/** Who signs an automatic 巡检单: not a person, and recognisable as the kiosk itself. */
export const SELF_INSPECTOR = { name: '自动巡检', staffId: 'kiosk-self-inspection' } as const;
/** A resident at the screen postpones the inspection this long. */
export const SELF_INSPECTION_RETRY_MS = 10 * 60_000;

/**
 * The unattended self-test: what each device's supervisor last found when it opened and polled
 * the device (status query, paper sensors). It prints nothing and waits for no card: nobody is
 * at the kiosk at 06:30 to place one, and a test page a day would use the paper the county is
 * forecasting. A device that is online (or busy) with code `ok` passes.
 */
export function selfTestFromStatus(snapshot: DevicesSnapshot): DeviceSelfTest[] {
  return snapshot.devices.map((status) => ({
    device: status.device,
    test: (status.state === 'online' || status.state === 'busy') && status.code === 'ok' ? 'pass' : 'fail',
    code: status.code,
  }));
}

export function buildSelfInspectionReport(inputs: {
  readonly snapshot: DevicesSnapshot;
  readonly tests: readonly DeviceSelfTest[];
  readonly appVersion: string;
  readonly catalogVersion: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}): InspectionReport {
  const devices = inputs.snapshot.devices.map((status) => {
    const test = inputs.tests.find((t) => t.device === status.device);
    return {
      device: status.device,
      status: status.state,
      test: test?.test ?? ('skipped' as const),
      // Codes only: the automatic report carries no driver text.
      detail: `automatic: ${status.state} (${status.code})`,
    };
  });
  const failed = devices.some((device) => device.test === 'fail');
  return InspectionReport.parse({
    inspector: SELF_INSPECTOR,
    startedAt: inputs.startedAt.toISOString(),
    finishedAt: inputs.finishedAt.toISOString(),
    appVersion: inputs.appVersion,
    catalogVersion: inputs.catalogVersion,
    devices,
    consumables: [],
    outcome: failed ? 'needsRepair' : 'normal',
  });
}

/** Whether the inspection stored under `inspectionId` is an automatic one (for the heartbeat's lastInspection). */
export function isAutomaticInspection(db: Database.Database, inspectionId: string): boolean {
  return db.prepare('SELECT 1 FROM fleet_self_inspection WHERE inspection_id = ?').pluck().get(inspectionId) === 1;
}

export function selfInspectedOn(db: Database.Database, date: string): boolean {
  return db.prepare('SELECT 1 FROM fleet_self_inspection WHERE local_date = ?').pluck().get(date) === 1;
}

export interface SelfInspectionDeps {
  readonly db: Database.Database;
  readonly sealer: DataSealer;
  readonly terminalId: string;
  readonly appVersion: string;
  readonly catalogVersion: () => string | null;
  readonly devices: () => DevicesSnapshot;
  readonly selfTest: () => Promise<readonly DeviceSelfTest[]>;
  readonly recorder: EventRecorder;
  readonly now: () => Date;
  readonly kick: () => void;
  readonly logger: Logger;
}

/**
 * Runs the self-test and stores its 巡检单 like a technician's (the inspection table, delivered
 * with postInspection through the outbox), names it in fleet_self_inspection for `date`, and
 * records the `inspection` event marked automatic.
 */
export async function runSelfInspection(deps: SelfInspectionDeps, date: string): Promise<InspectionReport> {
  const startedAt = deps.now();
  const tests = await deps.selfTest();
  const finishedAt = deps.now();
  const report = buildSelfInspectionReport({
    snapshot: deps.devices(),
    tests,
    appVersion: deps.appVersion,
    catalogVersion: deps.catalogVersion(),
    startedAt,
    finishedAt,
  });
  deps.db.transaction(() => {
    const saved = saveInspection(deps.db, deps.sealer, report, deps.terminalId, finishedAt);
    deps.db
      .prepare('INSERT INTO fleet_self_inspection (local_date, inspection_id, done_at) VALUES (?, ?, ?)')
      .run(date, saved.id, finishedAt.toISOString());
    deps.recorder.record({
      kind: 'inspection',
      automatic: true,
      outcome: report.outcome,
      failedDevices: report.devices.filter((d) => d.test === 'fail').map((d) => d.device),
    });
  })();
  deps.kick();
  deps.logger.info({ date, outcome: report.outcome }, 'daily self-inspection stored and queued');
  return report;
}

export interface SelfInspectionScheduleDeps {
  /** `HH:MM`, China time. */
  readonly at: string;
  readonly timers: Timers;
  readonly now: () => Date;
  readonly residentSessionActive: () => boolean;
  readonly doneOn: (date: string) => boolean;
  readonly inspect: (date: string) => Promise<unknown>;
  readonly logger: Logger;
  /** Devices are still opening right after start: a late inspection waits this long (2 minutes unless a test says). */
  readonly settleMs?: number;
}

/**
 * Once a China-time day at `at`: a kiosk that starts after that time and has not inspected today
 * does it soon after start; one with a resident at the screen tries again 10 minutes later; the
 * store says whether today is done, so a restart never inspects twice.
 */
export function startSelfInspectionSchedule(deps: SelfInspectionScheduleDeps): { stop(): Promise<void> } {
  const log = deps.logger.child({ component: 'self-inspection' });
  const minute = parseClock(deps.at);
  // A day whose inspection failed is not tried again in this run (the store has no row for it).
  const failedDays = new Set<string>();
  const done = (date: string) => failedDays.has(date) || deps.doneOn(date);
  let cancel: (() => void) | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  const plan = (atLeastMs = 0) => {
    if (stopped) return;
    const now = deps.now();
    const today = dayIn(now);
    // Today's, even if its time has passed (a kiosk started at 09:00); tomorrow's once today's is done.
    const next = done(today) ? addDays(today, 1) : today;
    cancel = deps.timers.after(Math.max(atLeastMs, instantAt(next, minute).getTime() - now.getTime()), tick);
  };

  const tick = () => {
    cancel = null;
    if (stopped) return;
    const today = dayIn(deps.now());
    if (done(today)) return plan();
    if (deps.residentSessionActive()) {
      log.info(
        { retryInMinutes: SELF_INSPECTION_RETRY_MS / 60_000 },
        'self-inspection postponed: a resident is at the kiosk',
      );
      cancel = deps.timers.after(SELF_INSPECTION_RETRY_MS, tick);
      return;
    }
    running = deps
      .inspect(today)
      .catch((error: unknown) => {
        log.error({ err: error }, 'self-inspection failed; the next one is tomorrow');
        failedDays.add(today);
      })
      .finally(() => {
        running = null;
        plan();
      });
  };

  plan(deps.settleMs ?? 120_000);
  return {
    async stop() {
      stopped = true;
      cancel?.();
      await running;
    },
  };
}

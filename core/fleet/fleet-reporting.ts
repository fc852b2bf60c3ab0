import type { FleetConfig } from '../../kiosk-config/schema';
import type { ServiceDeps } from '../app/service-deps';
import type { CommandRunner } from './command-runner';
import { createCommandIntake } from './command-intake';
import { createEventRecorder, type EventRecorder } from './event-recorder';
import { catalogVersionWatcher, reportRollbacks, watchDevices } from './event-sources';
import { heartbeatDepsFrom, buildHeartbeat } from './heartbeat';
import { sendHeartbeatTo, startHeartbeatLoop, type FleetLink } from './heartbeat-loop';
import type { PreviousRun } from './run-marker';
import {
  runSelfInspection,
  selfInspectedOn,
  selfTestFromStatus,
  startSelfInspectionSchedule,
  type DeviceSelfTest,
} from './self-inspection';
import { realTimers, type Timers } from './timers';

export interface FleetReportingOptions {
  readonly services: Pick<
    ServiceDeps,
    | 'db'
    | 'info'
    | 'platform'
    | 'devices'
    | 'outbox'
    | 'session'
    | 'catalogSync'
    | 'sealer'
    | 'logger'
    | 'now'
    | 'dataDir'
  >;
  readonly config: FleetConfig;
  /** `receiptsPerPaperRoll` of the configured printer; null without one. */
  readonly rollCapacity: number | null;
  /** How the previous run ended (run-marker.ts): the first event of this run. */
  readonly previousRun: PreviousRun;
  /** The remote commands (core/fleet/commands/). */
  readonly runner: CommandRunner;
  /** The device self-test of the daily inspection; the devices' own status checks unless given. */
  readonly selfTest?: () => Promise<readonly DeviceSelfTest[]>;
  /** The appliance's release state folder (rollback records); null: none to read. */
  readonly releaseStateDir: string | null;
  readonly uptimeSeconds: () => number;
  readonly timers?: Timers;
  readonly random?: () => number;
}

export interface FleetReporting {
  readonly recorder: EventRecorder;
  /** The kiosk stopped or resumed serving residents (remote command, technician, hardware, hours). */
  outOfService(on: boolean, origin: 'remote' | 'technician' | 'hardware' | 'hours'): void;
  /** The catalog now served (catalog sync status): records `catalogUpdated` when it changed. */
  catalogServed(version: string | null): void;
  /** How the platform last answered a heartbeat (tokenRefused: the token was revoked). */
  link(): FleetLink;
  stop(): Promise<void>;
}

/**
 * Everything the kiosk reports to the fleet console, started together: this run's first event
 * (boot or crash restart), unreported rollbacks, device status changes, the heartbeat loop with
 * the commands its answers bring, and the daily self-inspection. Stopped before the outbox, so
 * what it queued on the way out is still delivered or kept.
 */
export function startFleetReporting(options: FleetReportingOptions): FleetReporting {
  const { services, config } = options;
  const { db, sealer, now, logger } = services;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const terminalId = services.info.terminal.id;
  const kick = () => void services.outbox.kick();
  const recorder = createEventRecorder({
    db,
    sealer,
    terminalId,
    appVersion: services.info.appVersion,
    now,
    logger,
    kick,
  });

  recorder.record(
    options.previousRun === 'cleanStop'
      ? { kind: 'boot' }
      : { kind: 'crashRestart', cause: options.previousRun === 'watchdog' ? 'watchdog' : 'crash' },
  );
  if (options.releaseStateDir) reportRollbacks(db, options.releaseStateDir, recorder, now(), logger);
  const unwatchDevices = watchDevices(services.devices.snapshot(), (l) => services.devices.onChange(l), recorder);
  const catalogServed = catalogVersionWatcher(services.catalogSync.status().version, recorder);

  const intake = createCommandIntake({ db, sealer, terminalId, runner: options.runner, now, logger, kick });
  intake.answerInterrupted();
  const heartbeatDeps = heartbeatDepsFrom(services, {
    uptimeSeconds: options.uptimeSeconds,
    rollCapacity: options.rollCapacity,
  });
  const heartbeat = startHeartbeatLoop({
    build: () => buildHeartbeat(heartbeatDeps),
    send: sendHeartbeatTo(services.platform, terminalId),
    onAck: (ack) => intake.take(ack.commands),
    intervalSeconds: config.heartbeatSeconds,
    timers,
    now,
    random,
    logger,
  });
  const inspection = startSelfInspectionSchedule({
    at: config.selfInspectionAt,
    timers,
    now,
    residentSessionActive: () => services.session.applicant() !== null,
    doneOn: (date) => selfInspectedOn(db, date),
    inspect: (date) =>
      runSelfInspection(
        {
          db,
          sealer,
          terminalId,
          appVersion: services.info.appVersion,
          catalogVersion: () => services.catalogSync.status().version,
          devices: () => services.devices.snapshot(),
          selfTest: options.selfTest ?? (() => Promise.resolve(selfTestFromStatus(services.devices.snapshot()))),
          recorder,
          now,
          kick,
          logger,
        },
        date,
      ),
    logger,
  });

  return {
    recorder,
    outOfService: (on, origin) => void recorder.record({ kind: 'outOfService', on, origin }),
    catalogServed,
    link: () => heartbeat.link(),
    async stop() {
      unwatchDevices();
      await inspection.stop();
      await heartbeat.stop();
    },
  };
}

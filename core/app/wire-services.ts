import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../api/contract';
import type { EventBus } from '../api/events';
import type { AccessGuard } from '../api/dispatcher';
import type { Handlers } from '../api/types';
import { countMatterUse } from '../catalog/count-matter-use';
import type { CatalogSync } from '../catalog/sync';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import { startOutboxDelivery, type DataSealer, type OutboxDelivery } from '../outbox';
import type { HttpOptions } from '../platform-client/http';
import type { Reachability } from '../platform-client/reachability';
import { createCaptureStaging, type CaptureStaging } from '../session/capture-staging';
import { sessionControl } from '../session/resident-session';
import { createSpeechService, type SpeechEngine, type SpeechService } from '../speech';
import { createTechnicianService, type TechnicianService } from '../technician';
import type { FleetConfig, TechnicianConfig } from '../../kiosk-config/schema';
import type { CommandRunner } from '../fleet/command-runner';
import { startFleetReporting, type FleetReporting } from '../fleet/fleet-reporting';
import type { PreviousRun } from '../fleet/run-marker';
import type { DeviceSelfTest } from '../fleet/self-inspection';
import { createAccessGuard } from './access-guard';
import { buildDeviceHandlers } from '../devices/handlers';
import { buildHandlers } from './handlers';
import { createResidentServices, type ResidentServices } from './resident-services';
import { createRendererHeartbeat, type RendererHeartbeat } from './service-manager/renderer-heartbeat';
import { createFleetCommands, type FleetCommands, type ScreenCapture } from '../fleet/commands';
import { createVideoHelpService, type VideoHelpService, type VideoHelpSetup } from '../video-help';

/** What the services are built over: made by start.ts for a station, by tests/helpers for a test. */
export interface KioskServicesOptions {
  readonly db: Database.Database;
  readonly info: KioskInfo;
  /** The platform, already wrapped by trackReachability so every request tells whether it answered. */
  readonly platform: HttpOptions;
  readonly platformReachability: () => Reachability;
  readonly catalogSync: CatalogSync;
  readonly devices: DeviceManager;
  readonly sealer: DataSealer;
  readonly events: EventBus<KioskContract>;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly dataDir: string;
  readonly devMode: boolean;
  /** null: speech off. */
  readonly speechEngine: SpeechEngine | null;
  readonly speechCacheDir: string;
  readonly technician: {
    /** Without it technician mode answers notConfigured. */
    readonly config: TechnicianConfig | undefined;
    readonly logDir: string | null;
    readonly configSummary: ReadonlyArray<{ key: string; value: string }>;
  };
  /** The clock of technician sessions and the access guard; `now` unless a test moves it apart. */
  readonly clock?: () => Date;
  /** Fleet reporting (docs/fleet.md); left out (tests of other areas) or disabled in config: nothing is reported. */
  readonly fleet?: {
    readonly config: FleetConfig;
    readonly rollCapacity: number | null;
    readonly previousRun: PreviousRun;
    readonly releaseStateDir: string | null;
    readonly uptimeSeconds: () => number;
    /** The remote commands; the kiosk's own (core/fleet/commands) unless a test gives others. */
    readonly runner?: CommandRunner;
    /** The daily self-inspection's device self-test; the devices' own status checks without one. */
    readonly selfTest?: () => Promise<readonly DeviceSelfTest[]>;
  };
  /** For tests: resident loops off, shorter waits. A station runs the defaults. */
  readonly resident?: { readonly loops?: boolean; readonly deliveryWaitMs?: number; readonly cardWaitMs?: number };
  /** 视频帮办's config (videoHelp, devices.faceCamera, devices.microphone); left out: not offered. */
  readonly videoHelp?: VideoHelpSetup;
  /** Remote commands (core/fleet/commands): how this host restarts and captures its screen. */
  readonly fleetHost?: {
    readonly restart?: (() => void) | null;
    readonly screenCapture?: ScreenCapture;
    readonly screenshotWaitMs?: number;
  };
}

export interface KioskServices {
  readonly handlers: Handlers<KioskContract>;
  readonly guard: AccessGuard;
  readonly captures: CaptureStaging;
  readonly outbox: OutboxDelivery;
  readonly resident: ResidentServices;
  readonly speech: SpeechService;
  readonly technician: TechnicianService;
  /** The page's alive reports, which the service's watchdog loop reads (core/app/service-manager). */
  readonly renderer: Pick<RendererHeartbeat, 'lastReportAt'>;
  /** null when fleet reporting is off. */
  readonly fleet: FleetReporting | null;
  /** The county console's remote commands; the heartbeat loop runs `commands.runner`. */
  readonly commands: FleetCommands;
  readonly videoHelp: VideoHelpService;
  /** Stops what these services started (speech, resident loops, outbox); devices and store are the caller's. */
  stop(): Promise<void>;
}

/**
 * The one place the kiosk API's handlers are built and tied together: device events, the outbox,
 * the resident journeys, speech, technician mode and the access guard. start.ts runs it over a
 * station's store and devices; the test core runs it over an in-memory store and fake devices, so
 * tests exercise the same wiring a station runs.
 */
export function wireKioskServices(options: KioskServicesOptions): KioskServices {
  const { db, info, devices, events, logger, now, sealer, catalogSync } = options;
  const clock = options.clock ?? now;
  devices.onChange((snapshot) => events.emit('devices.changed', snapshot));
  // Only the masked card crosses to the renderer; the full card stays in core.
  devices.onIdCard((event) => events.emit('idCard.event', event));
  devices.onKeypad((press) => events.emit('keypad.pressed', press));

  const captures = createCaptureStaging();
  const outbox = startOutboxDelivery({
    db,
    platform: options.platform,
    logger,
    now,
    // Every body is sealed at rest; delivery opens it with the same key just before sending.
    sealer,
    onChange: ({ pending, deadLetters }) => events.emit('outbox.changed', { pending, deadLetters }),
  });
  // The technician service is made below; the scan router asks it only when a read arrives.
  let technicianActive = () => false;
  const resident = createResidentServices(
    {
      db,
      info,
      platform: options.platform,
      platformReachability: options.platformReachability,
      devices,
      captures,
      outbox,
      sealer,
      catalogSync,
      logger,
      now,
      dataDir: options.dataDir,
    },
    {
      ...options.resident,
      onScanned: (code) => events.emit('scanner.scanned', code),
      technicianActive: () => technicianActive(),
    },
  );
  // Voice mode: prepared prompts are cached on disk; what was said to this resident only in memory.
  const speech = createSpeechService({ engine: options.speechEngine, cacheDir: options.speechCacheDir, logger });
  // Session end (idle reset, 返回首页 to attract, technician mode): the card, who signed in, what
  // they completed, every staged capture and every clip spoken to them are forgotten.
  const endResidentSession = () => {
    captures.clear();
    resident.endSession();
    speech.forgetSession();
  };
  // The next resident placed their card while the previous one was still signed in.
  sessionControl(resident.deps.session).onAnotherPersonsCard(() => {
    endResidentSession();
    events.emit('session.visitEnded', { reason: 'anotherPersonsCard' });
  });
  const technician = createTechnicianService({
    db,
    config: options.technician.config,
    devices,
    outbox,
    sealer,
    info,
    catalogVersion: () => catalogSync.status().version,
    logDir: options.technician.logDir,
    configSummary: options.technician.configSummary,
    now: clock,
    endResidentSession,
    logger,
    scans: resident.scans,
  });
  technicianActive = () => technician.mode.current(clock()).state === 'active';

  const commands = createFleetCommands({
    db,
    info,
    dataDir: options.dataDir,
    devices,
    catalogSync,
    events,
    logger,
    now,
    devMode: options.devMode,
    // Signed in: the same question the heartbeat asks (core/fleet/heartbeat.ts).
    residentSessionActive: () => resident.deps.session.applicant() !== null,
    restart: options.fleetHost?.restart ?? null,
    ...(options.fleetHost?.screenCapture ? { screenCapture: options.fleetHost.screenCapture } : {}),
    ...(options.fleetHost?.screenshotWaitMs ? { screenshotWaitMs: options.fleetHost.screenshotWaitMs } : {}),
  });

  const fleet =
    options.fleet && options.fleet.config.enabled
      ? startFleetReporting({
          services: { ...resident.deps, sealer, outbox, logger, now },
          config: options.fleet.config,
          rollCapacity: options.fleet.rollCapacity,
          previousRun: options.fleet.previousRun,
          releaseStateDir: options.fleet.releaseStateDir,
          uptimeSeconds: options.fleet.uptimeSeconds,
          runner: options.fleet.runner ?? commands.runner,
          ...(options.fleet.selfTest ? { selfTest: options.fleet.selfTest } : {}),
        })
      : null;
  if (fleet) {
    commands.onOutOfServiceChanged((on) => fleet.outOfService(on, 'remote'));
    events.subscribe((event, payload) => {
      if (event === 'catalog.statusChanged') fleet.catalogServed((payload as { version: string | null }).version);
    });
  }

  // 视频帮办: the call ends with the visit (session end runs for the idle reset, 结束办理, another
  // person's card and a technician taking over); nothing of it is stored.
  const videoHelp = createVideoHelpService({
    setup: options.videoHelp,
    devices,
    platform: options.platform,
    reachability: options.platformReachability,
    session: resident.deps.session,
    events,
    logger,
  });

  const renderer = createRendererHeartbeat();
  const handlers: Handlers<KioskContract> = {
    // Opening a guide (catalog.matter) counts as a use of the matter, for search ranking.
    ...countMatterUse(buildHandlers({ info, db, catalogSync }), resident.matterUsage),
    ...buildDeviceHandlers({ devices, captures, endResidentSession, devMode: options.devMode }),
    ...resident.handlers,
    ...(fleet ? withFleetEvents(technician.handlers, fleet, options.fleet?.rollCapacity ?? null) : technician.handlers),
    ...speech.handlers,
    ...renderer.handlers,
    ...commands.handlers,
    ...videoHelp.handlers,
  };
  const guard = createAccessGuard({
    session: resident.deps.session,
    technician: technician.mode,
    devMode: options.devMode,
    now: clock,
  });
  return {
    handlers,
    guard,
    captures,
    outbox,
    resident,
    speech,
    technician,
    renderer,
    fleet,
    commands,
    videoHelp,
    async stop() {
      // The call's socket first: the resident's visit is over.
      await videoHelp.stop();
      // Before the outbox: what fleet reporting queues on the way out is kept or delivered.
      await fleet?.stop();
      commands.stop();
      await speech.stop();
      await resident.stop();
      await outbox.stop();
    },
  };
}

/** A technician's 巡检单 and paper roll, recorded in the fleet's event catalogue once they are stored. */
function withFleetEvents(
  handlers: TechnicianService['handlers'],
  fleet: FleetReporting,
  rollCapacity: number | null,
): TechnicianService['handlers'] {
  const submit = handlers['technician.submitInspection'];
  const paper = handlers['technician.recordPaperReplaced'];
  return {
    ...handlers,
    'technician.submitInspection': async (input, ctx) => {
      const submitted = await submit(input, ctx);
      if (submitted.ok) {
        const { report } = submitted.value;
        fleet.recorder.record({
          kind: 'inspection',
          automatic: false,
          outcome: report.outcome,
          failedDevices: [...new Set(report.devices.filter((d) => d.test === 'fail').map((d) => d.device))],
        });
      }
      return submitted;
    },
    'technician.recordPaperReplaced': async (input, ctx) => {
      const replaced = await paper(input, ctx);
      if (replaced.ok && rollCapacity !== null) fleet.recorder.record({ kind: 'paperRollChanged', rollCapacity });
      return replaced;
    },
  };
}

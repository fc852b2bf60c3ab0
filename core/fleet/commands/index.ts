import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../../api/contract';
import type { EventBus } from '../../api/events';
import type { Handlers } from '../../api/types';
import type { CatalogSync } from '../../catalog/sync';
import type { DeviceManager } from '../../devices/types';
import type { Logger } from '../../logging/logger';
import { err, ok } from '../../pure/result';
import { createLogLevelRaiser, type LogLevelRaiser } from './log-level';
import { createOutOfService, type OutOfService } from './out-of-service';
import { createCommandRunner, type CommandRunner } from './runner';
import { createPageScreenCapture, type ScreenCapture } from './screen-capture';
import { runSelfTest } from './self-test';

export { createCommandRunner, type CommandRunner, type CommandRunOutcome, type CommandRunnerDeps } from './runner';
export type { OutOfService } from './out-of-service';
export type { ScreenCapture } from './screen-capture';

type FleetCommandMethods = 'kiosk.serviceState' | 'host.screenshotTaken' | 'dev.remoteCommand';

export interface FleetCommandsOptions {
  readonly db: Database.Database;
  readonly info: KioskInfo;
  /** Where the out-of-service note is kept (the kiosk's data folder). */
  readonly dataDir: string;
  readonly devices: DeviceManager;
  readonly catalogSync: CatalogSync;
  readonly events: EventBus<KioskContract>;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly devMode: boolean;
  readonly residentSessionActive: () => boolean;
  /** See CommandRunnerDeps.restart. */
  readonly restart: (() => void) | null;
  /** Electron's capturePage(); without it the page captures its own tab (browser host). */
  readonly screenCapture?: ScreenCapture;
  /** How long the page has to answer a screenshot request; 15 s unless a test says otherwise. */
  readonly screenshotWaitMs?: number;
}

export interface FleetCommands {
  readonly runner: CommandRunner;
  readonly outOfService: OutOfService;
  readonly logLevel: LogLevelRaiser;
  readonly handlers: Pick<Handlers<KioskContract>, FleetCommandMethods>;
  /** The fleet event recorder's hook: called with on/off whenever a remote command changed it. */
  onOutOfServiceChanged(listener: (on: boolean) => void): () => void;
  stop(): void;
}

/** The remote commands, over the kiosk's own services: what core/app wires and the heartbeat loop runs. */
export function createFleetCommands(options: FleetCommandsOptions): FleetCommands {
  const { db, events, now } = options;
  const log = options.logger.child({ component: 'fleet-commands' });
  const outOfService = createOutOfService({
    dataDir: options.dataDir,
    now,
    onUnreadable: (error) => log.error({ err: error }, 'the out-of-service note is unreadable: staying out of service'),
  });
  outOfService.onChange((state) => events.emit('service.changed', state));
  const logLevel = createLogLevelRaiser({ logger: options.logger, now });
  const pageCapture = createPageScreenCapture({
    request: (request) => events.emit('screenshot.requested', request),
    timeoutMs: options.screenshotWaitMs ?? 15_000,
  });
  const changeListeners = new Set<(on: boolean) => void>();
  const runner = createCommandRunner({
    now,
    logger: options.logger,
    catalogSync: options.catalogSync,
    outOfService,
    onOutOfServiceChanged: (on) => {
      for (const listener of [...changeListeners]) listener(on);
    },
    selfTest: () => runSelfTest({ db, info: options.info, devices: options.devices, now }),
    logLevel,
    residentSessionActive: options.residentSessionActive,
    screenCapture: options.screenCapture ?? pageCapture,
    restart: options.restart,
  });

  let devCommands = 0;
  const handlers: FleetCommands['handlers'] = {
    'kiosk.serviceState': () => ok(outOfService.state()),
    'host.screenshotTaken': (answer) => {
      pageCapture.answer(answer);
      return ok({});
    },
    'dev.remoteCommand': async (request) => {
      if (!options.devMode)
        return err({ code: 'notAvailable', message: 'remote commands by hand exist in dev builds only' });
      devCommands += 1;
      const issuedAt = now();
      const outcome = await runner.run({
        commandId: `CMD-${devCommands}`,
        issuedAt: issuedAt.toISOString(),
        expiresAt: new Date(issuedAt.getTime() + 3_600_000).toISOString(),
        request,
      });
      // A restart is reported, never carried out: there is no enqueued answer to wait for here.
      return ok({
        result: outcome.result,
        pngBase64: outcome.png ? Buffer.from(outcome.png).toString('base64') : null,
      });
    },
  };

  return {
    runner,
    outOfService,
    logLevel,
    handlers,
    onOutOfServiceChanged(listener) {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },
    stop: () => logLevel.restore(),
  };
}

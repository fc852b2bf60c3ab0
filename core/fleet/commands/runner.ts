import type { CatalogSync } from '../../catalog/sync';
import type { Logger } from '../../logging/logger';
import type { CommandRefusal, CommandResult, RemoteCommandRequest } from '../../../platform/contract/fleet';
import { createHash } from 'node:crypto';
import type { CommandRun, CommandRunner } from '../command-runner';
import type { LogLevelRaiser } from './log-level';
import type { OutOfService } from './out-of-service';
import { pngSize } from './png';
import type { ScreenCapture } from './screen-capture';
import type { SelfTestRow } from './self-test';

/**
 * What running one command gives the heartbeat loop's command intake (core/fleet/command-runner.ts):
 * the result; a screenshot's PNG; and for restartApp, `afterResult`, which the intake runs only
 * after the result is durably enqueued, so the answer survives the restart and is delivered by
 * the next run. The runner never exits by itself: `afterResult` stops the kiosk in order and
 * exits so the service manager starts it again.
 */
export type CommandRunOutcome = CommandRun;
export type { CommandRunner };

export interface CommandRunnerDeps {
  readonly now: () => Date;
  readonly logger: Logger;
  readonly catalogSync: Pick<CatalogSync, 'syncOnce'>;
  readonly outOfService: OutOfService;
  /** Called after out of service really changed (not on a repeat): the fleet event recorder's hook. */
  readonly onOutOfServiceChanged?: (on: boolean) => void;
  readonly selfTest: () => Promise<SelfTestRow[]>;
  readonly logLevel: LogLevelRaiser;
  /** core/session: is a resident signed in or in the middle of a journey? */
  readonly residentSessionActive: () => boolean;
  /** null where the host has no way to capture its screen: screenshot answers notSupported. */
  readonly screenCapture: ScreenCapture | null;
  /**
   * How this host restarts cleanly (core/app wires it: stop in order, exit, the service manager
   * starts the kiosk again); null where nothing would start it again: restartApp answers notSupported.
   */
  readonly restart: (() => void) | null;
}

/**
 * Carries out the county console's remote commands at the kiosk (docs/fleet.md). Expiry and
 * once-only delivery are the caller's; every command here answers a result, never throws for an
 * expected failure. Nothing of a resident leaves the kiosk: a screenshot is taken only with no
 * resident session, of the attract screen, and the session is asked again right before capture.
 */
export function createCommandRunner(deps: CommandRunnerDeps): CommandRunner {
  const log = deps.logger.child({ component: 'fleet-commands' });
  const finishedAt = () => deps.now().toISOString();
  const done = (extra: Omit<Extract<CommandResult, { outcome: 'done' }>, 'outcome' | 'finishedAt'> = {}) =>
    ({ outcome: 'done', finishedAt: finishedAt(), ...extra }) as const;
  const refused = (reason: CommandRefusal): CommandResult => ({ outcome: 'refused', finishedAt: finishedAt(), reason });

  const handlers: {
    [K in RemoteCommandRequest['kind']]: (
      request: Extract<RemoteCommandRequest, { kind: K }>,
    ) => CommandRunOutcome | Promise<CommandRunOutcome>;
  } = {
    async reloadCatalog() {
      const status = await deps.catalogSync.syncOnce();
      // A failed sync keeps the stored catalog and records why; the console hears only that it failed.
      if (status.lastError !== null || status.version === null) return { result: refused('catalogUnavailable') };
      return { result: done({ catalogVersion: status.version }) };
    },

    restartApp() {
      const restart = deps.restart;
      if (!restart) return { result: refused('notSupported') };
      // A restart would drop a resident's visit half way: refused; the console may send it again.
      if (deps.residentSessionActive()) return { result: refused('residentSessionActive') };
      return { result: done(), afterResult: restart };
    },

    outOfService(request) {
      const changed = request.on
        ? deps.outOfService.set({ on: true, message: request.message })
        : deps.outOfService.set({ on: false });
      if (changed) deps.onOutOfServiceChanged?.(request.on);
      return { result: done() };
    },

    async selfTest() {
      // Reconnecting a device under a resident would break their card read or receipt.
      if (deps.residentSessionActive()) return { result: refused('residentSessionActive') };
      return { result: done({ selfTest: await deps.selfTest() }) };
    },

    raiseLogLevel(request) {
      const { until } = deps.logLevel.raise(request.level, request.minutes);
      return { result: done({ until: until.toISOString() }) };
    },

    async screenshot() {
      const capture = deps.screenCapture;
      if (!capture) return { result: refused('notSupported') };
      if (deps.residentSessionActive()) return { result: refused('residentSessionActive') };
      const taken = await capture.capture();
      // Asked again after the capture: a resident who arrived meanwhile may be on the picture.
      if (deps.residentSessionActive()) return { result: refused('residentSessionActive') };
      if (!taken.ok) {
        log.warn({ reason: taken.error }, 'screenshot not taken');
        return { result: refused(taken.error === 'notAttract' ? 'residentSessionActive' : 'failed') };
      }
      const size = pngSize(taken.value);
      if (!size) return { result: refused('failed') };
      const sha256 = createHash('sha256').update(taken.value).digest('hex');
      return {
        result: done({ screenshot: { sha256, contentType: 'image/png', width: size.width, height: size.height } }),
        png: taken.value,
      };
    },
  };

  return {
    async run(command) {
      const { request } = command;
      log.info({ command: command.commandId, kind: request.kind }, 'remote command');
      const handler = handlers[request.kind] as (
        request: RemoteCommandRequest,
      ) => CommandRunOutcome | Promise<CommandRunOutcome>;
      const outcome = await handler(request);
      log.info(
        {
          command: command.commandId,
          kind: request.kind,
          outcome: outcome.result.outcome,
          ...(outcome.result.outcome === 'refused' ? { reason: outcome.result.reason } : {}),
        },
        'remote command answered',
      );
      return outcome;
    },
  };
}

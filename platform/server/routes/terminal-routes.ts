import type { HeartbeatAck } from '../../contract/fleet';
import { Heartbeat, InspectionReport } from '../../contract/terminals';
import { evaluateHeartbeat } from '../fleet/fleet-monitor';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentVersion } from '../store/documents';
import { takeCommandsToDeliver } from '../store/fleet-commands';
import { noteReportedVersion } from '../store/fleet-kiosks';
import { recordHeartbeat } from '../store/heartbeats';
import { recordInspection } from '../store/inspections';

/**
 * What terminals report about themselves: heartbeats (recorded, evaluated by the fleet alarm
 * engine, answered with the commands waiting for the kiosk) and inspection reports (巡检单).
 */
export function registerTerminalRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'postHeartbeat', (c) =>
    idempotentJson(ctx, c, Heartbeat, 'Heartbeat', async (heartbeat, tx) => {
      const now = ctx.now();
      const { terminalId } = c.get('terminal');
      await recordHeartbeat(tx, terminalId, heartbeat, now);
      await noteReportedVersion(tx, terminalId, heartbeat.appVersion, now);
      await evaluateHeartbeat({ db: tx, fleet: ctx.fleet, log: ctx.log }, terminalId, heartbeat, now);
      const ack: HeartbeatAck = {
        receivedAt: now.toISOString(),
        catalogVersion: await currentVersion(tx, 'catalog'),
        ratingOptionsVersion: await currentVersion(tx, 'ratingOptions'),
        servicePointsVersion: await currentVersion(tx, 'servicePoints'),
        heartbeatIntervalSeconds: ctx.fleet.heartbeatIntervalSeconds,
        // Taken in the transaction that stores this answer: a command is marked delivered only
        // together with the stored answer that carries it, so a replay carries it again.
        commands: await takeCommandsToDeliver(tx, terminalId, 20, now),
      };
      return jsonOutcome(202, ack);
    }),
  );

  onEndpoint(app, 'postInspection', (c) =>
    idempotentJson(ctx, c, InspectionReport, 'InspectionReport', async (report, tx) =>
      jsonOutcome(201, await recordInspection(tx, ctx.sealer, c.get('terminal').terminalId, report, ctx.now())),
    ),
  );
}

import type { HeartbeatAck } from '../../contract/fleet';
import { evaluateHeartbeat } from '../fleet/fleet-monitor';
import { Heartbeat, InspectionReport } from '../../contract/terminals';
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
    idempotentJson(ctx, c, Heartbeat, 'Heartbeat', (heartbeat) => {
      const now = ctx.now();
      const { terminalId } = c.get('terminal');
      recordHeartbeat(ctx.db, terminalId, heartbeat, now);
      noteReportedVersion(ctx.db, terminalId, heartbeat.appVersion, now);
      evaluateHeartbeat(ctx, terminalId, heartbeat, now);
      const ack: HeartbeatAck = {
        receivedAt: now.toISOString(),
        catalogVersion: currentVersion(ctx.db, 'catalog'),
        ratingOptionsVersion: currentVersion(ctx.db, 'ratingOptions'),
        servicePointsVersion: currentVersion(ctx.db, 'servicePoints'),
        heartbeatIntervalSeconds: ctx.fleet.heartbeatIntervalSeconds,
        commands: takeCommandsToDeliver(ctx.db, terminalId, 20, now),
      };
      return jsonOutcome(202, ack);
    }),
  );

  onEndpoint(app, 'postInspection', (c) =>
    idempotentJson(ctx, c, InspectionReport, 'InspectionReport', (report) =>
      jsonOutcome(201, recordInspection(ctx.db, ctx.sealer, c.get('terminal').terminalId, report, ctx.now())),
    ),
  );
}

import { DEFAULT_HEARTBEAT_INTERVAL_SECONDS, type HeartbeatAck } from '../../contract/fleet';
import { Heartbeat, InspectionReport } from '../../contract/terminals';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentVersion } from '../store/documents';
import { recordHeartbeat } from '../store/heartbeats';
import { recordInspection } from '../store/inspections';

/** What terminals report about themselves: heartbeats and inspection reports (巡检单). */
export function registerTerminalRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'postHeartbeat', (c) =>
    idempotentJson(ctx, c, Heartbeat, 'Heartbeat', (heartbeat) => {
      const now = ctx.now();
      recordHeartbeat(ctx.db, c.get('terminal').terminalId, heartbeat, now);
      const ack: HeartbeatAck = {
        receivedAt: now.toISOString(),
        catalogVersion: currentVersion(ctx.db, 'catalog'),
        ratingOptionsVersion: currentVersion(ctx.db, 'ratingOptions'),
        servicePointsVersion: currentVersion(ctx.db, 'servicePoints'),
        heartbeatIntervalSeconds: DEFAULT_HEARTBEAT_INTERVAL_SECONDS,
        commands: [],
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

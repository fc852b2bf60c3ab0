import type { ZodType } from 'zod';
import type { HeartbeatAck } from '../../contract/fleet';
import { Heartbeat, InspectionReport } from '../../contract/terminals';
import type { SqlQueries } from '../db/sql';
import { evaluateHeartbeat } from '../fleet/fleet-monitor';
import { isJson, parseJsonBody } from '../http/body';
import { commitIdempotent } from '../http/idempotency';
import { jsonOutcome, type Outcome } from '../http/outcome';
import { problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { AppContext, PlatformApp, PlatformContext } from '../http/types';
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
    reportJson(ctx, c, Heartbeat, 'Heartbeat', async (heartbeat, tx) => {
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
    reportJson(ctx, c, InspectionReport, 'InspectionReport', async (report, tx) =>
      jsonOutcome(201, await recordInspection(tx, ctx.sealer, c.get('terminal').terminalId, report, ctx.now())),
    ),
  );
}

/**
 * An idempotent JSON POST: the media type is checked first; then, in the one transaction that
 * stores the answer, the body is parsed and validated and `work` writes on `tx`. A parse or
 * validation failure is stored like any other answer, so a retry gets exactly the same one.
 */
function reportJson<T>(
  ctx: PlatformContext,
  c: AppContext,
  schema: ZodType<T>,
  what: string,
  work: (input: T, tx: SqlQueries) => Promise<Outcome>,
): Promise<Response> | Response {
  if (!isJson(c.req.raw)) return problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');
  return commitIdempotent(ctx, c, async (tx) => {
    const input = parseJsonBody(c.get('idempotency').body, schema, what);
    return input.ok ? work(input.value, tx) : input.error;
  });
}

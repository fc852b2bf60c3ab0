import { FaultSettingsPatch } from '../../contract/admin';
import { isJson, parseJsonBody, readCappedBody, tooLargeOutcome } from '../http/body';
import { toResponse } from '../http/outcome';
import { problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { storedRecords } from '../store/records';

/**
 * `/_admin/faults`: read and change fault injection at run time; `/_admin/records`: what kiosks
 * delivered, for exactly-once checks and for staff, people masked (reference platform only).
 */
export function registerAdminRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getFaults', (c) => c.json(ctx.faults.state()));

  onEndpoint(app, 'updateFaults', async (c) => {
    if (!isJson(c.req.raw)) return problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');
    const body = await readCappedBody(c.req.raw, ctx.limits.jsonMaxBytes);
    if (!body.ok) return toResponse(tooLargeOutcome(body.error.maxBytes));
    const patch = parseJsonBody(body.value, FaultSettingsPatch, 'FaultSettingsPatch');
    if (!patch.ok) return toResponse(patch.error);
    const state = ctx.faults.update(patch.value);
    ctx.log('warn', 'fault injection changed', { settings: state.settings, seed: state.seed });
    return c.json(state);
  });

  onEndpoint(app, 'getRecords', async (c) => c.json(await storedRecords(ctx.sql, ctx.sealer)));
}

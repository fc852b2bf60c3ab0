import { createHash } from 'node:crypto';
import { API_BASE_PATH } from '../../contract/endpoints';
import { MaterialContentType } from '../../contract/materials';
import { mediaType, readCappedBody, tooLargeOutcome } from '../http/body';
import { jsonOutcome, toResponse } from '../http/outcome';
import { problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { findMaterial, storeMaterial } from '../store/materials';

/**
 * Content-addressed material uploads. The path names the sha256 the client computed; the server
 * recomputes it over the bytes it actually received, so a truncated or corrupted upload is refused
 * instead of being stored under the wrong name.
 */
export function registerMaterialRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'putMaterial', async (c) => {
    const sha256 = c.req.param('sha256') ?? '';
    const contentType = MaterialContentType.safeParse(mediaType(c.req.raw));
    if (!contentType.success) {
      return problemResponse(415, 'unsupportedMediaType', `send one of ${MaterialContentType.options.join(', ')}`);
    }
    const body = await readCappedBody(c.req.raw, ctx.limits.materialMaxBytes);
    if (!body.ok) return toResponse(tooLargeOutcome(body.error.maxBytes));
    if (body.value.byteLength === 0) {
      return problemResponse(422, 'validationFailed', 'the body is empty', {
        errors: [{ path: '/', message: 'a material has at least one byte' }],
      });
    }
    const actual = createHash('sha256').update(body.value).digest('hex');
    if (actual !== sha256) {
      return problemResponse(422, 'hashMismatch', 'the sha256 of the received bytes differs from the path');
    }
    // Two uploads of the same bytes at once (two instances): the primary key decides (store/materials.ts).
    const { receipt, created } = await storeMaterial(
      ctx.sql,
      ctx.sealer,
      { sha256, contentType: contentType.data, bytes: body.value, terminalId: c.get('terminal').terminalId },
      ctx.now(),
    );
    const location: Record<string, string> = created ? { location: `${API_BASE_PATH}/materials/${sha256}` } : {};
    return toResponse(jsonOutcome(created ? 201 : 200, receipt, location));
  });

  onEndpoint(app, 'getMaterial', async (c) => {
    const receipt = await findMaterial(ctx.sql, c.req.param('sha256') ?? '');
    return receipt ? c.json(receipt) : problemResponse(404, 'notFound', 'the platform does not hold these bytes');
  });
}

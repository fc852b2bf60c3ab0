import { ServicePointList } from '../../contract/service-points';
import { documentResponse } from '../http/documents';
import { problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentDocument } from '../store/documents';

/** The service-point list for the kiosk's offline map, and single points by id. */
export function registerServicePointRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'listServicePoints', async (c) =>
    documentResponse(c, await currentDocument(ctx.sql, 'servicePoints'), 'service-point list'),
  );

  onEndpoint(app, 'getServicePoint', async (c) => {
    const document = await currentDocument(ctx.sql, 'servicePoints');
    // The stored body was validated when it was published; parsing it again guards the types.
    const list = document ? ServicePointList.parse(JSON.parse(document.body)) : undefined;
    const point = list?.servicePoints.find((entry) => entry.id === c.req.param('servicePointId'));
    return point ? c.json(point) : problemResponse(404, 'notFound', 'no such service point');
  });
}

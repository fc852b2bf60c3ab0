import { onEndpoint } from '../http/route';
import { documentResponse } from '../http/documents';
import { problemResponse } from '../http/problem';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentCatalogVersion } from '../store/catalogs';
import { currentDocument } from '../store/documents';

/** The catalog (事项清单 + 办事指南) and its version; the two paths the kiosk client is built on. */
export function registerCatalogRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getCatalogVersion', async (c) => {
    const version = await currentCatalogVersion(ctx.sql);
    return version ? c.json(version) : problemResponse(404, 'notFound', 'no catalog has been published yet');
  });
  onEndpoint(app, 'getCatalog', async (c) => documentResponse(c, await currentDocument(ctx.sql, 'catalog'), 'catalog'));
}

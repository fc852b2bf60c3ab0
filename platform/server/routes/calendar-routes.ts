import { documentResponse } from '../http/documents';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentDocument } from '../store/documents';

/** The working calendar (public holidays and make-up working days), served like the catalog. */
export function registerCalendarRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getWorkCalendar', async (c) =>
    documentResponse(c, await currentDocument(ctx.sql, 'workCalendar'), 'work calendar'),
  );
}

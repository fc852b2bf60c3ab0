import { documentResponse } from '../http/documents';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { currentDocument } from '../store/documents';

/**
 * The 好差评 option set (levels and level-dependent options, versioned). Submitting ratings is
 * not implemented yet and answers 501 (routes/not-implemented.ts).
 */
export function registerRatingRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getRatingOptions', (c) =>
    documentResponse(c, currentDocument(ctx.db, 'ratingOptions'), 'rating option set'),
  );
}

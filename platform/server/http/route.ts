import { endpoint, type Endpoint, type OperationId } from '../../contract/endpoints';
import { fieldErrors } from './body';
import { problemResponse } from './problem';
import type { AppContext, PlatformApp } from './types';

/**
 * Registers a handler for an endpoint of the contract table: method and path come from the
 * table, so a route cannot exist without its OpenAPI entry. Path parameters that do not match
 * the contract answer 404 (no such resource can exist); a query that does not match answers 422.
 */

export type Handler = (c: AppContext) => Response | Promise<Response>;

/** `/terminals/{terminalId}/heartbeats` → `/terminals/:terminalId/heartbeats` */
export function toHonoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** `/terminals/:terminalId/heartbeats` → `/terminals/{terminalId}/heartbeats` */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function checked(ep: Endpoint, handler: Handler): Handler {
  return (c) => {
    if (ep.pathParams && !ep.pathParams.safeParse(c.req.param()).success) {
      return problemResponse(404, 'notFound', 'no such resource');
    }
    if (ep.query) {
      const query = ep.query.safeParse(c.req.query());
      if (!query.success) {
        return problemResponse(422, 'validationFailed', 'the query does not match the contract', {
          errors: fieldErrors(query.error.issues),
        });
      }
    }
    return handler(c);
  };
}

export function onEndpoint(app: PlatformApp, operationId: OperationId, handler: Handler): void {
  const ep = endpoint(operationId);
  app.on(ep.method.toUpperCase(), toHonoPath(ep.path), checked(ep, handler));
}

import { ENDPOINTS, type Endpoint, type OperationId } from '../../contract/endpoints';
import { problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp } from '../http/types';

/**
 * Endpoints whose schemas are final but whose logic is not written yet answer 501 after
 * authentication, scope and idempotency-key checks, so clients built against them exercise the
 * real protocol. 501 is a 5xx: it is not stored under the Idempotency-Key, so once the endpoint
 * is implemented a retry with the same key runs for real.
 */
export function registerNotImplemented(app: PlatformApp, endpoints: readonly Endpoint[] = ENDPOINTS): void {
  for (const ep of endpoints) {
    if (ep.implemented) continue;
    onEndpoint(app, ep.operationId as OperationId, () =>
      problemResponse(501, 'notImplemented', `${ep.operationId} is not implemented by the reference platform yet`),
    );
  }
}

import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import { ADMIN_BASE_PATH } from '../../contract/endpoints';
import type { FaultController } from './fault-controller';

/**
 * The faults that need the socket: a full outage (the connection is destroyed before anything is
 * read, like a dead network) and drop-after-commit (the handler ran and committed, then the
 * socket is destroyed, so the client never learns the outcome and must retry with the same key).
 * Wraps the app's fetch for @hono/node-server; the admin endpoints are never affected.
 */
export type NodeBindings = HttpBindings | Http2Bindings;

export function withSocketFaults(
  fetch: (request: Request, env: NodeBindings) => Response | Promise<Response>,
  faults: FaultController,
): (request: Request, env: NodeBindings) => Promise<Response> {
  return async (request, env) => {
    const affected = !new URL(request.url).pathname.startsWith(`${ADMIN_BASE_PATH}/`);
    if (affected && faults.refuseConnection()) {
      env.incoming.socket.destroy();
      // Never written: the socket is gone. node-server still wants a Response to finish with.
      return new Response(null, { status: 503 });
    }
    const response = await fetch(request, env);
    if (affected && faults.decideDrop()) env.incoming.socket.destroy();
    return response;
  };
}

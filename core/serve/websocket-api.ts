import type { WSEvents } from 'hono/ws';
import { CallMessage, type HostMessage } from '../api/wire';
import type { Dispatch } from '../api/dispatcher';
import type { EventListener } from '../api/events';
import type { Logger } from '../logging/logger';

export interface ApiConnectionDeps {
  readonly dispatch: Dispatch;
  readonly subscribe: (listener: EventListener) => () => void;
  readonly logger: Logger;
}

let nextConnection = 1;

/**
 * Serves the kiosk API on one WebSocket: each `call` frame is dispatched and answered with a
 * `result` frame carrying the same id; every core event is pushed as an `event` frame. A frame
 * that is not JSON or not a call gets an `invalidInput` answer; nothing a page sends can throw
 * here.
 */
export function apiConnectionEvents(deps: ApiConnectionDeps): WSEvents {
  const connection = nextConnection++;
  let calls = 0;
  let unsubscribe: (() => void) | null = null;

  return {
    onOpen(_event, ws) {
      const send = (message: HostMessage) => {
        if (ws.readyState === 1) ws.send(JSON.stringify(message));
      };
      unsubscribe = deps.subscribe((event, payload) => send({ type: 'event', event, payload }));
    },
    onMessage(message, ws) {
      // hono types this with the DOM's MessageEvent, which Node code does not see.
      const event = message as { data: unknown };
      const send = (message: HostMessage) => {
        if (ws.readyState === 1) ws.send(JSON.stringify(message));
      };
      const refuse = (id: number | null, message: string) =>
        send({ type: 'result', id, response: { ok: false, error: { code: 'invalidInput', message } } });

      if (typeof event.data !== 'string') {
        refuse(null, 'binary frames are not accepted');
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        refuse(null, 'frame is not JSON');
        return;
      }
      const call = CallMessage.safeParse(json);
      if (!call.success) {
        const id = (json as { id?: unknown } | null)?.id;
        refuse(
          typeof id === 'number' && Number.isSafeInteger(id) ? id : null,
          'frame is not a call: {type:"call", id, method, input}',
        );
        return;
      }
      calls += 1;
      const { id, method, input } = call.data;
      void deps
        .dispatch(method, input, { host: 'browser', requestId: `ws${connection}-${calls}` })
        .then((response) => send({ type: 'result', id, response }));
    },
    onClose() {
      unsubscribe?.();
      unsubscribe = null;
    },
    onError(event) {
      deps.logger.warn({ connection, err: (event as Event & { error?: unknown }).error }, 'api socket error');
    },
  };
}

import { randomUUID } from 'node:crypto';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Dispatch } from '../../core/api/dispatcher';
import type { ApiError } from '../../core/api/errors';
import type { EventListener } from '../../core/api/events';
import { err, type Result } from '../../core/pure/result';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../core/api/wire';
import type { Logger } from '../../core/logging/logger';
import { checkIpcSender } from './ipc-sender';

export interface KioskIpcOptions {
  readonly dispatch: Dispatch;
  /** Our window's webContents, or null before it exists / after it is gone. */
  readonly trustedContents: () => WebContents | null;
  readonly logger: Logger;
}

type InvokePayload = { ok: true; method: string; input: unknown } | { ok: false; message: string };

/** The preload sends `{ method, input }`; anything else is a bug or an attack, answered, never thrown. */
export function parseInvokePayload(payload: unknown): InvokePayload {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, message: 'an IPC call must be an object { method, input }' };
  }
  const { method, input } = payload as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') return { ok: false, message: 'an IPC call needs a string method' };
  return { ok: true, method, input };
}

/**
 * The one IPC channel of the kiosk (checklist items 17, 20): `kiosk:invoke`, sender-checked, then
 * dispatched into the core. The answer is always a Result envelope; the dispatcher never throws,
 * and a throw here would reach the renderer as an opaque rejection, so it is caught too.
 * Returns a function that removes the handler.
 */
export function registerKioskIpc(options: KioskIpcOptions): () => void {
  const log = options.logger.child({ component: 'ipc' });

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, payload: unknown) => {
    const requestId = randomUUID();
    const verdict = checkIpcSender(event, options.trustedContents());
    if (!verdict.trusted) {
      log.warn({ requestId, reason: verdict.reason }, 'refused an IPC call from an untrusted sender');
      return err<ApiError>({ code: 'forbidden', message: 'this caller may not use the kiosk API' });
    }
    const parsed = parseInvokePayload(payload);
    if (!parsed.ok) {
      log.warn({ requestId, problem: parsed.message }, 'malformed IPC call');
      return err<ApiError>({ code: 'invalidInput', message: parsed.message });
    }

    const started = Date.now();
    let result: Result<unknown, ApiError>;
    try {
      result = await options.dispatch(parsed.method, parsed.input, { host: 'electron', requestId });
    } catch (error) {
      log.error({ requestId, method: parsed.method.slice(0, 100), err: error }, 'dispatch threw');
      result = err({ code: 'internal', message: 'internal error' });
    }
    log.debug(
      {
        requestId,
        method: parsed.method.slice(0, 100),
        ms: Date.now() - started,
        outcome: result.ok ? 'ok' : result.error.code,
      },
      'ipc call',
    );
    return result;
  });

  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/**
 * Pushes every core event to our window as `{ event, payload }`. A window that is gone or whose
 * renderer crashed is skipped: the reload gets fresh state through calls, not missed events.
 */
export function forwardCoreEvents(
  events: { subscribe(listener: EventListener): () => void },
  target: () => WebContents | null,
  logger: Logger,
): () => void {
  return events.subscribe((event, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed() || contents.isCrashed()) return;
    try {
      contents.send(IPC_EVENT_CHANNEL, { event, payload });
    } catch (error) {
      logger.warn({ event, err: error }, 'could not forward an event to the window');
    }
  });
}

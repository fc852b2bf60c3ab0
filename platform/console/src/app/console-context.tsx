import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleSession } from '../../../contract/console/users';
import type { CallArgs, CallResponse, CallResult, ConsoleClient } from '../api/client';
import type { ConsoleOperationId } from '../../../contract/console/endpoints';
import { errorWords } from '../view/errors';
import type { Translate } from '../view/words';

export interface ConsoleContextValue {
  readonly client: ConsoleClient;
  readonly session: ConsoleSession;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

/** t for computed keys (`words:state.${state}`): the words themselves are checked by i18n.test.ts. */
export function useWords(): { t: Translate; locale: string } {
  const { t, i18n } = useTranslation();
  return { t: t, locale: i18n.language };
}

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly value: T; readonly at: Date }
  | { readonly state: 'failed'; readonly message: string; readonly last: T | null };

/**
 * Loads one endpoint and, with `everyMs`, again on a timer. A refresh keeps the shown data until
 * the new answer arrives (no flash, no lost scroll); a failed refresh keeps the last data beside
 * the message.
 */
export function useLoad<Id extends ConsoleOperationId>(
  operationId: Id,
  args: CallArgs<Id>,
  options: { everyMs?: number } = {},
): { loaded: Loaded<CallResponse<Id>>; reload: () => void } {
  type V = CallResponse<Id>;
  const { client } = useConsole();
  const { t } = useWords();
  const [loaded, setLoaded] = useState<Loaded<V>>({ state: 'loading' });
  const key = JSON.stringify(args);
  const last = useRef<V | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    void client.call(operationId, JSON.parse(key) as CallArgs<Id>).then((result) => {
      if (!current) return;
      if (result.ok) {
        last.current = result.value;
        setLoaded({ state: 'ok', value: result.value, at: new Date() });
      } else if (result.error.kind !== 'unauthorized') {
        setLoaded({ state: 'failed', message: errorWords(t, result.error), last: last.current });
      }
    });
    return () => {
      current = false;
    };
  }, [client, operationId, key, tick, t]);

  useEffect(() => {
    if (!options.everyMs) return;
    const timer = setInterval(() => setTick((n) => n + 1), options.everyMs);
    return () => clearInterval(timer);
  }, [options.everyMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { loaded, reload };
}

/** Sends a change; answers the value, or shows the error in words. */
export function useAction() {
  const { client } = useConsole();
  const { t } = useWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = useCallback(
    async <Id extends ConsoleOperationId>(
      operationId: Id,
      args: CallArgs<Id>,
      success?: string,
    ): Promise<CallResult<Id>> => {
      setBusy(true);
      setMessage(null);
      const result = await client.call(operationId, args);
      setBusy(false);
      if (result.ok) {
        if (success) setMessage({ kind: 'ok', text: success });
      } else if (result.error.kind !== 'unauthorized') {
        setMessage({ kind: 'error', text: errorWords(t, result.error) });
      }
      return result;
    },
    [client, t],
  );
  return { run, busy, message };
}

import { useEffect, useState } from 'react';
import type { ApiError } from '../../../core/api/errors';
import type { KioskContract } from '../../../core/api/contract';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/types';
import { useClient } from './api-context';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

type Method = MethodName<KioskContract>;

interface Entry {
  readonly key: string;
  readonly state: QueryState<unknown>;
}

/**
 * Calls one API method and follows its answer. `refresh` names what makes an answer out of date
 * (the catalog version, the link epoch): when it changes the call is made again while the last
 * answer stays on screen, so a resident reading a guide sees no flash when a new catalog arrives,
 * and a failed refresh does not take away what they were reading. A different `input` is a
 * different question and shows loading at once.
 */
export function useApiQuery<M extends Method>(
  method: M,
  input: InputOf<KioskContract, M>,
  refresh: string,
): QueryState<OutputOf<KioskContract, M>> {
  const client = useClient();
  const inputJson = JSON.stringify(input);
  const key = `${method} ${inputJson}`;
  const [entry, setEntry] = useState<Entry | null>(null);

  useEffect(() => {
    let live = true;
    void client.call(method, JSON.parse(inputJson) as InputOf<KioskContract, M>).then((result) => {
      if (!live) return;
      setEntry((previous) => {
        const keepPrevious = !result.ok && previous?.key === key && previous.state.status === 'ok';
        if (keepPrevious) return previous;
        return {
          key,
          state: result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error },
        };
      });
    });
    return () => {
      live = false;
    };
  }, [client, method, inputJson, key, refresh]);

  if (!entry || entry.key !== key) return { status: 'loading' };
  return entry.state as QueryState<OutputOf<KioskContract, M>>;
}

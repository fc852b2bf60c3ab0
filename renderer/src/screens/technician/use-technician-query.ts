import { useCallback, useEffect, useState } from 'react';
import type { KioskContract } from '../../../../core/api/contract';
import type { OutputOf } from '../../../../core/api/types';
import { useTechnicianApi } from './technician-api';

type QueryMethod = 'technician.overview' | 'technician.outbox' | 'technician.logs';

export type TechnicianQuery<M extends QueryMethod> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: OutputOf<KioskContract, M> }
  | { readonly status: 'error' };

/** Loads one technician read and can load it again (after a test, a retry, a restart). */
export function useTechnicianQuery<M extends QueryMethod>(method: M): [TechnicianQuery<M>, () => void] {
  const api = useTechnicianApi();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<TechnicianQuery<M>>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const input = (method === 'technician.logs' ? { limit: 100 } : {}) as Parameters<typeof api.call<M>>[1];
    void api.call(method, input).then((answer) => {
      if (!live) return;
      setState(answer.ok ? { status: 'ok', value: answer.value } : { status: 'error' });
    });
    return () => {
      live = false;
    };
  }, [api, method, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [state, reload];
}

import { useEffect, useState } from 'react';
import type { ServiceState } from '../../../core/api/service-state';
import { useClient } from './api-context';

/**
 * Whether the kiosk serves residents (out of service by the county console, with the staff's
 * message), kept current by `service.changed`. Null until the first answer; the shell treats it
 * as in service, as it was before the page asked.
 */
export function useServiceState(): ServiceState | null {
  const client = useClient();
  const [state, setState] = useState<ServiceState | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.on('service.changed', (next) => setState(next));
    void client.call('kiosk.serviceState', {}).then((result) => {
      // An event that arrived while the call was on its way is newer than the answer.
      if (live && result.ok) setState((current) => current ?? result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  return state;
}

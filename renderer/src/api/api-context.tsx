import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { createLinkStatusStore, type LinkStatus, type LinkStatusStore } from '../host/connection';
import type { HostConnection } from '../host/connect';

interface ApiContextValue {
  readonly client: Client<KioskContract>;
  readonly link: LinkStatusStore;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** Gives every screen the one API client and the state of the link to the host. */
export function ApiProvider({ host, children }: { host: HostConnection; children: ReactNode }) {
  const value = useMemo(
    () => ({ client: host.client, link: createLinkStatusStore(host.connection) }),
    [host.client, host.connection],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi… hooks must be used inside <ApiProvider>');
  return value;
}

export function useClient(): Client<KioskContract> {
  return useApiContext().client;
}

export function useLinkStatus(): LinkStatus {
  const { link } = useApiContext();
  return useSyncExternalStore(link.subscribe, link.getSnapshot);
}

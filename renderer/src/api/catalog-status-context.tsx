import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CatalogStatus } from '../../../core/api/contract';
import { useClient, useLinkStatus } from './api-context';

interface CatalogStatusValue {
  /** null until the first answer. */
  readonly status: CatalogStatus | null;
  /**
   * Changes whenever data fetched from the catalog may be out of date: a new catalog version, or
   * the link to the host coming back. Queries pass it as their `refresh`.
   */
  readonly refresh: string;
}

const CatalogStatusContext = createContext<CatalogStatusValue | null>(null);

/**
 * Follows the catalog status: asks once (and again whenever the link comes back, since events may
 * have been missed), then listens to `catalog.statusChanged`. An event is always newer than an
 * answer to a question asked before it, so such an answer is dropped.
 */
export function CatalogStatusProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { epoch } = useLinkStatus();
  const [status, setStatus] = useState<CatalogStatus | null>(null);

  useEffect(() => {
    let live = true;
    let eventSeen = false;
    const unsubscribe = client.on('catalog.statusChanged', (next) => {
      eventSeen = true;
      setStatus(next);
    });
    void client.call('catalog.status', {}).then((result) => {
      if (live && !eventSeen && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, epoch]);

  const refresh = `${status?.version ?? 'none'}#${epoch}`;
  return <CatalogStatusContext.Provider value={{ status, refresh }}>{children}</CatalogStatusContext.Provider>;
}

export function useCatalogStatus(): CatalogStatusValue {
  const value = useContext(CatalogStatusContext);
  if (!value) throw new Error('useCatalogStatus must be used inside <CatalogStatusProvider>');
  return value;
}

import { createContext, useContext, useState, type ReactNode } from 'react';
import type { CatalogOverview } from '../../../core/api/contract';
import { useCatalogStatus } from './catalog-status-context';
import { useApiQuery, type QueryState } from './use-api-query';

interface CatalogOverviewValue {
  readonly overview: QueryState<CatalogOverview>;
  readonly retry: () => void;
}

const CatalogOverviewContext = createContext<CatalogOverviewValue | null>(null);

/**
 * The counts by kind and theme, asked once per catalog version and shared by the home screen
 * (tiles) and the list (its title). Asked again when a version arrives, which is how an empty
 * kiosk fills itself in.
 */
export function CatalogOverviewProvider({ children }: { children: ReactNode }) {
  const { refresh } = useCatalogStatus();
  const [attempt, setAttempt] = useState(0);
  const overview = useApiQuery('catalog.overview', {}, `${refresh}#${attempt}`);
  return (
    <CatalogOverviewContext.Provider value={{ overview, retry: () => setAttempt((n) => n + 1) }}>
      {children}
    </CatalogOverviewContext.Provider>
  );
}

export function useCatalogOverview(): CatalogOverviewValue {
  const value = useContext(CatalogOverviewContext);
  if (!value) throw new Error('useCatalogOverview must be used inside <CatalogOverviewProvider>');
  return value;
}

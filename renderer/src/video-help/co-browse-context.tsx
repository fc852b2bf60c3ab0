import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { CoBrowseContribution } from './co-browse';

/**
 * Where the journey on screen puts what it adds to the co-browse state (its step, the steps it
 * allows, its fields) and how it carries out an agreed proposal. Outside a call nothing reads it;
 * outside the provider (a journey rendered alone in a test) registering does nothing.
 */
export interface CoBrowseRegistry {
  readonly get: () => CoBrowseContribution | null;
  readonly set: (contribution: CoBrowseContribution | null) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createCoBrowseRegistry(): CoBrowseRegistry {
  let current: CoBrowseContribution | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (next) => {
      current = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

const CoBrowseContext = createContext<CoBrowseRegistry | null>(null);

export function CoBrowseProvider({ registry, children }: { registry: CoBrowseRegistry; children: ReactNode }) {
  return <CoBrowseContext.Provider value={registry}>{children}</CoBrowseContext.Provider>;
}

export function useCoBrowseRegistry(): CoBrowseRegistry | null {
  return useContext(CoBrowseContext);
}

/** The journey's part of the screen state, while it is mounted. Pass a memoised value. */
export function useCoBrowseContribution(contribution: CoBrowseContribution | null): void {
  const registry = useContext(CoBrowseContext);
  useEffect(() => {
    if (!registry) return;
    registry.set(contribution);
    return () => {
      if (registry.get() === contribution) registry.set(null);
    };
  }, [registry, contribution]);
}

const none = () => () => undefined;
const nothing = () => null;

/** The contribution registered now (for the publisher). */
export function useCurrentContribution(): CoBrowseContribution | null {
  const registry = useContext(CoBrowseContext);
  const [fallback] = useState(() => ({ subscribe: none, get: nothing }));
  const source = registry ?? fallback;
  return useSyncExternalStore(source.subscribe, source.get);
}

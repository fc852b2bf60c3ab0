import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Which step's way back the bar's 返回 takes now; the last registered wins, and only it can clear itself. */
interface Registry {
  readonly register: (entry: () => void) => () => void;
  readonly current: () => (() => void) | null;
}

function createRegistry(): Registry {
  let current: (() => void) | null = null;
  return {
    register: (entry) => {
      current = entry;
      return () => {
        if (current === entry) current = null;
      };
    },
    current: () => current,
  };
}

const StepBackContext = createContext<Registry | null>(null);

/**
 * One 返回 per screen: the bottom bar's. A journey step with a step of its own to go back to (a
 * point's details back to the list, a capture back to its material) says so with useStepBack,
 * and the bar's 返回 does that instead of leaving the journey; the step needs no 返回 button of
 * its own beside the bar's, which said the same word for a different thing.
 */
export function StepBackProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createRegistry);
  return <StepBackContext.Provider value={registry}>{children}</StepBackContext.Provider>;
}

/** While `handler` is not null, the bar's 返回 calls it (the latest one given). */
export function useStepBack(handler: (() => void) | null): void {
  const registry = useContext(StepBackContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const active = handler !== null;
  useLayoutEffect(() => {
    if (!registry || !active) return undefined;
    return registry.register(() => latest.current?.());
  }, [registry, active]);
}

/** What the bar's 返回 does now: the step's own way back if one is registered, else `fallback`. */
export function useBackAction(fallback: () => void): () => void {
  const registry = useContext(StepBackContext);
  return () => {
    const stepBack = registry?.current();
    if (stepBack) stepBack();
    else fallback();
  };
}

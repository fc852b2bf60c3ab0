import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * Which text entry has its keyboard open: one at a time on the whole screen, so opening one closes
 * any other and two keyboards never stack up under a form.
 */
let openId: string | null = null;
const listeners = new Set<() => void>();

function setOpen(next: string | null): void {
  if (openId === next) return;
  openId = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => openId;

export function useKeyboardOpen(id: string): {
  readonly open: boolean;
  readonly show: () => void;
  readonly hide: () => void;
} {
  const open = useSyncExternalStore(subscribe, current, current) === id;
  const show = useCallback(() => setOpen(id), [id]);
  const hide = useCallback(() => {
    if (openId === id) setOpen(null);
  }, [id]);
  // A field that goes away (next step, end of visit) takes its keyboard with it.
  useEffect(() => hide, [hide]);
  return { open, show, hide };
}

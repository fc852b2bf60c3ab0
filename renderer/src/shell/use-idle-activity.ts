import { useEffect } from 'react';
import { useShellSend } from './shell-context';

/** Touches, clicks, key presses and wheel turns all count: the visitor is still there. */
const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** Tells the shell about every sign of life, so its idle timer starts again. */
export function useIdleActivity(target: Document): void {
  const send = useShellSend();
  useEffect(() => {
    const onActivity = () => send({ type: 'ACTIVITY' });
    for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity, { capture: true });
    };
  }, [send, target]);
}

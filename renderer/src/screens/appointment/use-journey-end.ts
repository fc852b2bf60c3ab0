import { useEffect } from 'react';
import { useFinishVisit } from '../../shell/shell-context';

/**
 * When the machine is done: booked or checked in (完成, or the slip timed out) means the resident
 * is done and the visit ends; left before that (sign-in cancelled) goes back to where the journey
 * was opened.
 */
export function useJourneyEnd(done: boolean, served: boolean, onExit: () => void): void {
  const finishVisit = useFinishVisit();
  useEffect(() => {
    if (done) (served ? finishVisit : onExit)();
  }, [done, served, finishVisit, onExit]);
}

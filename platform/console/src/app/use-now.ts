import { useEffect, useState } from 'react';

/** The time, renewed every `everyMs`: what a waiting time or a called ticket's age counts from. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs`; only the component using it re-renders. Here, below
 * app/ and incidents/, so both the header's "updated N s ago" and an open incident's elapsed time use it.
 */
export function useClock(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

import { useEffect, useState } from 'react';
import { formatDuration, MINUTE_MS } from '../time';

/** The clock re-read every `intervalMs`; only this component re-renders. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "open for 2h 13m": how long an incident without an end has run, growing while the page is open. */
export function OpenElapsed({ start }: { readonly start: number }) {
  const now = useNow(15_000);
  // Whole minutes: a postmortem's times are to the minute, and a ticking seconds counter distracts.
  const elapsed = Math.max(0, Math.floor((now - start) / MINUTE_MS) * MINUTE_MS);
  return <span className="incident-elapsed">open for {formatDuration(elapsed)}</span>;
}

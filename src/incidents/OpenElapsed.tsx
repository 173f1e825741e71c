import { formatDuration, MINUTE_MS, useClock } from '../time';

/** "open for 2h 13m": how long an incident without an end has run, growing while the page is open. */
export function OpenElapsed({ start }: { readonly start: number }) {
  const now = useClock(15_000);
  // Whole minutes: a postmortem's times are to the minute, and a ticking seconds counter distracts.
  const elapsed = Math.max(0, Math.floor((now - start) / MINUTE_MS) * MINUTE_MS);
  return <span className="incident-elapsed">open for {formatDuration(elapsed)}</span>;
}

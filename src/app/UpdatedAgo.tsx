import { formatDuration, useClock } from '../time';
import { useLastUpdate } from './useLastUpdate';

/** "updated 4 s ago" — and, past three refresh intervals without fresh data, a plain "stale". */
export function UpdatedAgo({ refreshMs }: { refreshMs: number | undefined }) {
  const last = useLastUpdate();
  const now = useClock(1000);
  if (last === null) return <span className="updated-ago">waiting for data…</span>;
  const age = Math.max(0, now - last);
  const stale = refreshMs !== undefined && age > Math.max(3 * refreshMs, 10_000);
  return (
    <span className={`updated-ago${stale ? ' stale' : ''}`} data-stale={stale}>
      {stale ? 'STALE — ' : ''}updated {age < 1000 ? 'just now' : `${formatDuration(Math.floor(age / 1000) * 1000)} ago`}
    </span>
  );
}

import type { Incident } from '../incidents';
import { formatDuration } from '../time';
import { useClock } from './useLastUpdate';

/** While an incident has no end, its title and elapsed time, large enough to read across a room. */
export function OpenIncidentBanner({ incidents }: { incidents: readonly Incident[] }) {
  const now = useClock(1000);
  const open = incidents.filter((i) => i.end === undefined);
  if (open.length === 0) return null;
  return (
    <div className="open-incident-banner" role="alert">
      {open.map((incident) => (
        <p key={incident.id}>
          <strong>OPEN INCIDENT:</strong> {incident.title} — for {formatDuration(Math.max(0, Math.floor((now - incident.start) / 60_000) * 60_000))}
        </p>
      ))}
    </div>
  );
}

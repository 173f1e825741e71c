import type { Incident } from '../incidents';
import { formatDuration, MINUTE_MS, useClock } from '../time';

interface Props {
  readonly incidents: readonly Incident[];
  /** Ids of incidents that came with the link: anyone can write those, so they never speak as the site. */
  readonly fromLink: ReadonlySet<string>;
}

function openFor(incident: Incident, now: number): string {
  return formatDuration(Math.max(0, Math.floor((now - incident.start) / MINUTE_MS) * MINUTE_MS));
}

/**
 * While an incident of this site's catalog has no end: its title and elapsed time, large enough to
 * read across a room. Open incidents that came with the link are listed apart, plainly marked as
 * such, so a crafted link cannot put "OPEN INCIDENT" on a wall display in the site's voice.
 */
export function OpenIncidentBanner({ incidents, fromLink }: Props) {
  const now = useClock(1000);
  const open = incidents.filter((i) => i.end === undefined);
  const own = open.filter((i) => !fromLink.has(i.id));
  const linked = open.filter((i) => fromLink.has(i.id));
  return (
    <>
      {own.length > 0 && (
        <div className="open-incident-banner" role="alert">
          {own.map((incident) => (
            <p key={incident.id}>
              <strong>OPEN INCIDENT:</strong> {incident.title} — for {openFor(incident, now)}
            </p>
          ))}
        </div>
      )}
      {linked.length > 0 && (
        <div className="link-incident-note" role="status" aria-label="Open incidents from this link">
          {linked.map((incident) => (
            <p key={incident.id}>
              <strong>From this link</strong> (not from this site&apos;s incidents): {incident.title} — open for {openFor(incident, now)}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

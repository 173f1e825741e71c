import type { Incident } from './model';

interface Props {
  readonly incidents: readonly Incident[];
  readonly colors: ReadonlyMap<string, string>;
  /** Ids of incidents that came with the link. */
  readonly fromLink: ReadonlySet<string>;
}

/** Which colour on the charts is which incident. */
export function IncidentLegend({ incidents, colors, fromLink }: Props) {
  if (incidents.length === 0) return null;
  return (
    <ul className="incident-legend" aria-label="Incidents on the charts">
      {incidents.map((incident) => (
        <li key={incident.id} data-color={colors.get(incident.id)}>
          <span className="incident-swatch" style={{ background: colors.get(incident.id) }} aria-hidden="true" />
          {incident.title}
          {incident.end === undefined && ' (open)'}
          {fromLink.has(incident.id) && ' — from this link'}
        </li>
      ))}
    </ul>
  );
}

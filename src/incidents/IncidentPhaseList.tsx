import { phaseName } from '../annotations';
import { incidentPhases } from './incidentPhases';
import type { Incident } from './model';

/**
 * The phases the charts shade apart, in words and in the zone shown ("impact before detection
 * 10:00–10:05"), each beside a swatch of the texture that marks it on the charts.
 */
export function IncidentPhaseList({ incident, timezone }: { readonly incident: Incident; readonly timezone: string }) {
  const phases = incidentPhases(incident);
  if (phases.length === 0) return null;
  return (
    <ul className="incident-phase-list" aria-label="Phases">
      {phases.map((phase) => (
        <li key={phase.start}>
          <span className={`incident-phase-swatch phase-${phase.from}`} aria-hidden="true" />
          {phaseName(phase, timezone)}
        </li>
      ))}
    </ul>
  );
}

import { formatDuration } from '../time';
import { incidentMetrics, timingWarnings } from './incidentMetrics';
import type { Incident } from './model';

/** Time to detect / acknowledge / mitigate / resolve, and a warning where the timeline's order is impossible. */
export function IncidentTiming({ incident }: { readonly incident: Incident }) {
  const metrics = incidentMetrics(incident);
  const warnings = timingWarnings(incident, metrics);
  return (
    <>
      {metrics.length > 0 && (
        <ul className="incident-metrics" aria-label="Incident metrics">
          {metrics.map((metric) => (
            <li key={metric.kind}>
              {metric.label}: <strong>{metric.ms < 0 ? `${formatDuration(-metric.ms)} before the start` : formatDuration(metric.ms)}</strong>
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <div role="alert" className="incident-timing-warning">
          <p>This timeline&apos;s order is impossible; its markers are drawn as written, check them:</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

import type { Incident } from './model';

/** The impact and root cause a postmortem states, as term/description pairs of a `<dl>`. */
export function IncidentFacts({ incident }: { readonly incident: Pick<Incident, 'impact' | 'rootCause'> }) {
  return (
    <>
      {incident.impact && (
        <>
          <dt>Impact</dt>
          <dd>{incident.impact}</dd>
        </>
      )}
      {incident.rootCause && (
        <>
          <dt>Root cause</dt>
          <dd>{incident.rootCause}</dd>
        </>
      )}
    </>
  );
}

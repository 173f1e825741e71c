import type { Incident, IncidentEvent, IncidentEventKind } from './model';
import { validateIncident } from './validateIncident';

/** The response times incident tools report (incident.io, PagerDuty): from the start to the first event of each stage. */
export const METRIC_STAGES = [
  { kind: 'detected', label: 'Time to detect' },
  { kind: 'acknowledged', label: 'Time to acknowledge' },
  { kind: 'mitigated', label: 'Time to mitigate' },
  { kind: 'resolved', label: 'Time to resolve' },
] as const satisfies ReadonlyArray<{ kind: IncidentEventKind; label: string }>;

export interface IncidentMetric {
  readonly kind: (typeof METRIC_STAGES)[number]['kind'];
  readonly label: (typeof METRIC_STAGES)[number]['label'];
  /** From the incident's start to the first event of the kind; negative when that event comes before the start. */
  readonly ms: number;
}

function firstOfKind(events: readonly IncidentEvent[], kind: IncidentEventKind): IncidentEvent | undefined {
  let first: IncidentEvent | undefined;
  for (const event of events) {
    if (event.kind === kind && Number.isFinite(event.time) && (!first || event.time < first.time)) first = event;
  }
  return first;
}

/** One metric per stage the timeline has an event of; a stage without one has no metric (never a guess). */
export function incidentMetrics(incident: Incident): IncidentMetric[] {
  if (!Number.isFinite(incident.start)) return [];
  return METRIC_STAGES.flatMap(({ kind, label }) => {
    const first = firstOfKind(incident.events, kind);
    return first ? [{ kind, label, ms: first.time - incident.start }] : [];
  });
}

/**
 * What makes the incident's timing impossible, in words: validateIncident's findings (an end before
 * the start, mitigated or resolved before detected, resolved before mitigated, …), an acknowledgement
 * before any detection, and stages placed before the incident started. The strip shows them as a
 * warning so such a timeline is never drawn as if it were right.
 */
export function timingWarnings(incident: Incident, metrics: readonly IncidentMetric[] = incidentMetrics(incident)): string[] {
  const warnings = validateIncident(incident);
  const detected = firstOfKind(incident.events, 'detected');
  const acknowledged = firstOfKind(incident.events, 'acknowledged');
  if (detected && acknowledged && acknowledged.time < detected.time) {
    warnings.push(`The first "acknowledged" event (${iso(acknowledged.time)}) comes before the first "detected" event (${iso(detected.time)}).`);
  }
  const early = metrics.filter((metric) => metric.ms < 0).map((metric) => `"${metric.kind}"`);
  if (early.length > 0) warnings.push(`The first ${early.join(', ')} event${early.length === 1 ? ' comes' : 's come'} before the incident's start (${iso(incident.start)}).`);
  return warnings;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

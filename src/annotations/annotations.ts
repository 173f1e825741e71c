/**
 * What a chart draws over its series besides thresholds: shaded incident windows and event markers
 * (Grafana's annotations, Perses' annotations). Incident sources produce them, panels draw them; this
 * folder sits below both so neither has to import the other.
 */

/** Lifecycle kinds of an incident event, as incident.io, Rootly and GitLab name them. */
export const INCIDENT_EVENT_KINDS = [
  'started',
  'detected',
  'acknowledged',
  'identified',
  'escalated',
  'mitigated',
  'resolved',
  'other',
] as const;

export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/** An incident event as every panel marks it; `key` is stable and used for selection. */
export interface EventMarker {
  readonly key: string;
  /** Epoch milliseconds. */
  readonly time: number;
  readonly kind: IncidentEventKind;
  /** Plain text (never HTML). */
  readonly text: string;
  /** The colour of its incident (a CSS colour from the incident palette); absent = the default incident red. */
  readonly color?: string;
}

/**
 * A span of an incident between two lifecycle stages, shaded apart from the others. `from` names
 * the stage it starts at (the incident's start, the first detection or the first mitigation) and
 * decides how it is drawn; `label` says what the span is ("impact before detection").
 */
export interface IncidentPhase {
  readonly from: 'started' | 'detected' | 'mitigated';
  readonly label: string;
  /** Epoch milliseconds. */
  readonly start: number;
  /** Epoch milliseconds; undefined for the phase an open incident is still in, which runs to now. */
  readonly end?: number;
}

/** An incident's window, shaded on every panel; open (no `end`) while the incident goes on. */
export interface IncidentWindow {
  readonly key: string;
  readonly title: string;
  /** Epoch milliseconds. */
  readonly start: number;
  /** Epoch milliseconds; undefined while the incident is still open. */
  readonly end?: number;
  /** The colour of its incident (a CSS colour from the incident palette); absent = the default incident red. */
  readonly color?: string;
  /**
   * For an open incident: the present as the page resolved it at its last refresh (epoch ms). The
   * window is shaded from its start to here and grows with each refresh; without it only the start
   * is marked.
   */
  readonly openUntil?: number;
  /** Its phases in time order (incidentPhases); absent or empty where its events mark none. */
  readonly phases?: readonly IncidentPhase[];
}

import type { IncidentEventKind } from '../annotations';

export type { IncidentEventKind };

export interface IncidentEvent {
  /** Epoch milliseconds. */
  readonly time: number;
  /** Plain text (never HTML). */
  readonly text: string;
  readonly kind: IncidentEventKind;
}

export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly severity?: string;
  readonly summary?: string;
  readonly impact?: string;
  readonly rootCause?: string;
  /** Epoch milliseconds. */
  readonly start: number;
  /** Epoch milliseconds; undefined while the incident is still open. */
  readonly end?: number;
  /** Sorted by time. */
  readonly events: readonly IncidentEvent[];
  /** Timezone the source's wall-clock times were read in, e.g. "UTC". */
  readonly timezone: string;
}

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
  /** Where `timezone` came from; absent where that is not known (an incident from an older link). */
  readonly timezoneSource?: TimezoneSource;
}

/**
 * 'stated': the document wrote the zone (`written`, as it wrote it: "UTC", "PST", "+02:00",
 * "Asia/Kolkata") and `timezone` is that zone. 'stated-offset': it wrote an offset with no IANA name
 * ("+05:30"): times are converted exactly and shown in UTC. 'assumed': it named no zone, so its
 * times were read in the zone the reader was given.
 */
export type TimezoneSource =
  | { readonly kind: 'stated'; readonly written: string }
  | { readonly kind: 'stated-offset'; readonly written: string }
  | { readonly kind: 'assumed' };

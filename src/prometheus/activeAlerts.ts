import type { Labels } from '../series/types';
import { isWithinTimeBounds } from '../time';
import type { RawActiveAlert } from './schemas';

/** One alert of `/api/v1/alerts`, converted at the boundary: times in ms, sizes bounded. */
export interface ActiveAlert {
  readonly labels: Labels;
  readonly annotations: Labels;
  /** 'firing' or 'pending' (Prometheus' words); anything else a server sends is kept as given. */
  readonly state: string;
  /** When the alert became active (epoch ms); undefined when the server does not say or says nonsense. */
  readonly activeAt: number | undefined;
}

export interface ActiveAlerts {
  readonly alerts: readonly ActiveAlert[];
  /** Alerts past MAX_ACTIVE_ALERTS, counted and left out. */
  readonly omitted: number;
}

/**
 * A header lists these, so a server in an alert storm (thousands of alerts) must not fill the page:
 * the rest is counted. Labels and annotations are shown as text; longer ones are cut.
 */
export const MAX_ACTIVE_ALERTS = 500;
export const MAX_ALERT_LABELS = 64;
export const MAX_LABEL_TEXT = 256;

function cut(text: string): string {
  return text.length > MAX_LABEL_TEXT ? `${text.slice(0, MAX_LABEL_TEXT - 1)}…` : text;
}

/** At most MAX_ALERT_LABELS entries, names and values at most MAX_LABEL_TEXT characters. */
function boundedLabels(labels: Readonly<Record<string, string>> | undefined): Labels {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels ?? {}).slice(0, MAX_ALERT_LABELS)) out[cut(name)] = cut(value);
  return out;
}

function parseActiveAt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  // Prometheus writes the zero time (0001-01-01T00:00:00Z) for an alert that never became active.
  return Number.isFinite(ms) && isWithinTimeBounds(ms) && ms > 0 ? ms : undefined;
}

export function convertActiveAlerts(raw: readonly RawActiveAlert[]): ActiveAlerts {
  return {
    alerts: raw.slice(0, MAX_ACTIVE_ALERTS).map((alert) => ({
      labels: boundedLabels(alert.labels),
      annotations: boundedLabels(alert.annotations),
      state: cut(alert.state),
      activeAt: parseActiveAt(alert.activeAt),
    })),
    omitted: Math.max(0, raw.length - MAX_ACTIVE_ALERTS),
  };
}

import type { Incident } from '../incidents';
import { HOUR_MS, MINUTE_MS, type ResolvedRange, type TimeRange } from '../time';
import type { ViewState } from './viewState';

const MIN_INCIDENT_PAD_MS = 15 * MINUTE_MS;
const INCIDENT_PAD_FRACTION = 0.2;
/** How much of an open incident to show after its start: there is no end to pad. */
const OPEN_INCIDENT_SPAN_MS = HOUR_MS;

/**
 * The state with its range pinned to the instants on screen, so a permalink shows the same window
 * tomorrow (`now-6h` would not). Epoch-ms digits are what `from`/`to` read back exactly.
 */
export function freezeRange(state: ViewState, resolved: ResolvedRange): ViewState {
  return { ...state, range: { from: String(Math.round(resolved.start)), to: String(Math.round(resolved.end)) } };
}

/**
 * The incident's window with context on both sides, as absolute epoch ms. The default pad is the
 * larger of 15 minutes and 20% of the duration, so a short incident still shows what came before.
 * An open incident (no end) has no duration: it shows the pad before its start and an hour after
 * it (or the pad, when a longer one is given).
 */
export function incidentRange(incident: Pick<Incident, 'start' | 'end'>, padMs?: number): TimeRange {
  const { start, end } = incident;
  const duration = end === undefined ? 0 : Math.max(0, end - start);
  const pad = Math.max(0, padMs ?? Math.max(MIN_INCIDENT_PAD_MS, duration * INCIDENT_PAD_FRACTION));
  const from = Math.max(0, Math.floor(start - pad));
  const to = end === undefined ? Math.ceil(start + Math.max(pad, OPEN_INCIDENT_SPAN_MS)) : Math.ceil(Math.max(end, start) + pad);
  // A zero pad on a zero-length window would give from = to, which the decoder rejects.
  return { from: String(from), to: String(Math.max(to, from + 1)) };
}

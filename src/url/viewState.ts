import type { Incident } from '../incidents';
import type { TimeRange } from '../time';

/**
 * Everything a permalink must reproduce. The URL is the only place this lives between page loads:
 * `encodeViewState` writes it, `decodeViewState` reads it back, and the two round-trip.
 *
 * An empty list means the same as no entry (an empty `vars` entry, `hidden` entry or `overrides`
 * entry is not written), so links stay short and decoding never produces empty lists.
 */
export interface ViewState {
  /** Dashboard id; undefined = the config's first. */
  dashboard?: string;
  /** Undefined = the dashboard's default range. */
  range?: TimeRange;
  /** 'UTC' | 'browser' | IANA name; undefined = config default. */
  timezone?: string;
  /** Auto-refresh interval in ms (at least 1 s); undefined = off. */
  refresh?: number;
  /** Template variables (multi-value), in the order the user picked them. */
  vars: Readonly<Record<string, readonly string[]>>;
  /** Ids of catalog incidents to overlay; empty = all of them (unless `noIncidents`). */
  incidents: readonly string[];
  /** The user hid every catalog incident (the picker with nothing ticked); `incidents` is then empty. */
  noIncidents?: boolean;
  /** Incidents not in any catalog (pasted postmortems); they travel in the fragment. */
  importedIncidents: readonly Incident[];
  /** Panel id → hidden series names. Panel ids never contain ':' (see the dashboard schema). */
  hidden: Readonly<Record<string, readonly string[]>>;
  /** Selected event key, e.g. 'seed#3'. */
  event?: string;
  /** Focused panel id (one panel full size). */
  panel?: string;
  /** Panel id → PromQL per query index: ad-hoc edits; they travel in the fragment. */
  overrides: Readonly<Record<string, readonly string[]>>;
  kiosk: boolean;
  playlist?: ViewPlaylist;
  /** Every panel also draws its queries this long before the range, dashed ("Compare to"). */
  compare?: CompareShift;
  /** Explore shown in place of the dashboard. */
  explore: boolean;
  /** Explore's free queries, in order; kept when going back to the dashboard, so Explore reopens as left. */
  exploreQueries: readonly string[];
  /** Panels added to the view from Explore ("Add to dashboard"); they travel in the fragment. */
  addedPanels: readonly AddedPanel[];
  /** Epoch ms (whole seconds) Explore's tables show values at; undefined = the end of the range. */
  exploreCursor?: number;
  /** Explore query number (1-based, as the page names it: "1" is Query 1) → hidden series names. */
  exploreHidden?: Readonly<Record<string, readonly string[]>>;
  /** The panel whose Inspect view is open (Grafana's `inspect`); one at a time. */
  inspect?: string;
}

/** The shifts "Compare to" offers, as Grafana's time-range comparison does: a day or a week. */
export const COMPARE_SHIFTS = { '1d': 86_400_000, '1w': 604_800_000 } as const;
export type CompareShift = keyof typeof COMPARE_SHIFTS;

export function isCompareShift(value: string): value is CompareShift {
  return Object.hasOwn(COMPARE_SHIFTS, value);
}

/** A panel made of one query in Explore, shown after the dashboard's own panels. */
export interface AddedPanel {
  /** Unique among the view's panels; lower-case letters, digits and dashes like a dashboard's ids. */
  readonly id: string;
  readonly title: string;
  readonly expr: string;
}

export interface ViewPlaylist {
  /** Time each item stays on screen, in ms (at least 1 s). */
  intervalMs: number;
  /** Dashboard ids or relative range presets like 'now-1h', shown in turn. */
  items: readonly string[];
}

export const EMPTY_VIEW_STATE: ViewState = Object.freeze({
  vars: Object.freeze({}),
  incidents: Object.freeze([]),
  importedIncidents: Object.freeze([]),
  hidden: Object.freeze({}),
  overrides: Object.freeze({}),
  kiosk: false,
  explore: false,
  exploreQueries: Object.freeze([]),
  addedPanels: Object.freeze([]),
});

/** The format `encodeViewState` writes, as the `v` query key. Bump it when a key changes meaning. */
export const URL_FORMAT_VERSION = 1;

/** What the decoder checks the link against. Lists that are absent are not checked. */
export interface DecodeContext {
  /** Epoch ms that relative times (`now-6h`) are resolved against when validating the range. */
  now: number;
  knownDashboards?: readonly string[];
  /** Panels of the dashboard being shown; checks `panel`, `hide` and overrides. */
  knownPanels?: readonly string[];
  /** Catalog incident ids; checks `incident`. */
  knownIncidents?: readonly string[];
}

export interface DecodedViewState {
  state: ViewState;
  /** One plain sentence per part of the link that was ignored, e.g. `Ignored "from": "x" is not a time`. */
  notices: string[];
}

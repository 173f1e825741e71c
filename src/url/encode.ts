import { isCredentialKey } from './credentials';
import { toAddedPanelPayload } from './explore';
import { encodeFragment } from './fragment';
import type { FragmentPayload } from './fragmentLimits';
import { formatPromDuration } from '../time';
import { formatQuery } from './queryComponent';
import { FRAGMENT_KEY, V1_KEYS, VAR_PREFIX } from './queryKeys';
import { URL_FORMAT_VERSION, type ViewState } from './viewState';

type Pair = readonly [string, string | null];

function nonEmptyEntries(record: Readonly<Record<string, readonly string[]>>): [string, readonly string[]][] {
  return Object.entries(record).filter(([, values]) => values.length > 0);
}

function queryPairs(state: ViewState): Pair[] {
  const k = V1_KEYS;
  const pairs: Pair[] = [];
  if (state.dashboard) pairs.push([k.dashboard, state.dashboard]);
  if (state.range) pairs.push([k.from, state.range.from], [k.to, state.range.to]);
  if (state.timezone) pairs.push([k.timezone, state.timezone]);
  if (state.refresh !== undefined) pairs.push([k.refresh, formatPromDuration(state.refresh)]);
  for (const [name, values] of nonEmptyEntries(state.vars)) {
    const key = VAR_PREFIX + name;
    // A variable named like a credential would put a secret in a link; it stays local.
    if (name === '' || isCredentialKey(key)) continue;
    for (const value of values) pairs.push([key, value]);
  }
  for (const id of state.incidents) pairs.push([k.incident, id]);
  if (state.noIncidents && state.incidents.length === 0) pairs.push([k.noIncidents, null]);
  if (state.event) pairs.push([k.event, state.event]);
  if (state.panel) pairs.push([k.panel, state.panel]);
  for (const [panel, series] of nonEmptyEntries(state.hidden)) {
    for (const name of series) pairs.push([k.hide, `${panel}:${name}`]);
  }
  if (state.compare) pairs.push([k.compare, state.compare]);
  if (state.kiosk) pairs.push([k.kiosk, null]);
  if (state.playlist) {
    pairs.push([k.playlist, formatPromDuration(state.playlist.intervalMs)]);
    for (const item of state.playlist.items) pairs.push([k.playlistItem, item]);
  }
  if (state.explore) pairs.push([k.explore, null]);
  for (const query of state.exploreQueries) pairs.push([k.exploreQuery, query]);
  for (const [query, series] of nonEmptyEntries(state.exploreHidden ?? {})) {
    for (const name of series) pairs.push([k.exploreHide, `${query}:${name}`]);
  }
  if (state.exploreCursor !== undefined) pairs.push([k.exploreCursor, state.exploreCursor >= 0 ? String(state.exploreCursor) : new Date(state.exploreCursor).toISOString()]);
  if (state.inspect) pairs.push([k.inspect, state.inspect]);
  return pairs;
}

function fragmentPayload(state: ViewState): FragmentPayload | null {
  const payload: FragmentPayload = {};
  const overrides = nonEmptyEntries(state.overrides);
  if (overrides.length > 0) payload.o = Object.fromEntries(overrides);
  if (state.importedIncidents.length > 0) payload.i = state.importedIncidents;
  if (state.addedPanels.length > 0) payload.a = state.addedPanels.map(toAddedPanelPayload);
  return payload.o || payload.i || payload.a ? payload : null;
}

/**
 * The view state as `?search#hash` ('' for the empty state). Common parts are readable query keys;
 * query overrides and imported incidents go compressed into `#z=`, so the link needs no server.
 * Defaults are left out to keep links short.
 */
export function encodeViewState(state: ViewState): string {
  const pairs = queryPairs(state);
  const payload = fragmentPayload(state);
  const search = pairs.length > 0 || payload ? `?${formatQuery([[V1_KEYS.version, String(URL_FORMAT_VERSION)], ...pairs])}` : '';
  const hash = payload ? `#${FRAGMENT_KEY}=${encodeFragment(payload)}` : '';
  return search + hash;
}

/** `base` (origin + path; any search or hash it has is replaced) followed by the encoded state. */
export function buildUrl(base: string, state: ViewState): string {
  const cut = base.search(/[?#]/);
  return (cut === -1 ? base : base.slice(0, cut)) + encodeViewState(state);
}

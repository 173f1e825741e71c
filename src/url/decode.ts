import type { Incident } from '../incidents';
import { isValidTimezone, MAX_TIMER_DELAY_MS, parseDuration, readTimeInput, resolveRange, resolveTimezone, type ParseTimeOptions, type TimeRange } from '../time';
import { readExploreHidden, readExploreQueries } from './explore';
import { decodeFragment } from './fragment';
import { ignored, quote, readParams, takeSingle, type ParamMap } from './queryParams';
import { FRAGMENT_KEY, V0_ALIASES, V1_KEYS, VAR_PREFIX } from './queryKeys';
import { EMPTY_VIEW_STATE, isCompareShift, URL_FORMAT_VERSION, type AddedPanel, type CompareShift, type DecodeContext, type DecodedViewState, type ViewPlaylist, type ViewState } from './viewState';

const MIN_INTERVAL_MS = 1000;

/** Names each single-value key may appear under, in order of preference. */
interface KeyNames {
  from: readonly string[];
  to: readonly string[];
  timezone: readonly string[];
  panel: readonly string[];
}

const V1_NAMES: KeyNames = {
  from: [V1_KEYS.from],
  to: [V1_KEYS.to],
  timezone: [V1_KEYS.timezone],
  panel: [V1_KEYS.panel],
};

// Without a `v` key the link may predate versioning: read the v0 names, the v1 names winning.
const V0_NAMES: KeyNames = {
  from: [V1_KEYS.from, V0_ALIASES.from],
  to: [V1_KEYS.to, V0_ALIASES.to],
  timezone: [V1_KEYS.timezone, V0_ALIASES.timezone],
  panel: [V1_KEYS.panel, V0_ALIASES.panel],
};

function keyNamesFor(params: ParamMap, notices: string[]): KeyNames {
  const version = takeSingle(params, [V1_KEYS.version], notices);
  if (!version) return V0_NAMES;
  if (!/^\d+$/.test(version.value)) {
    notices.push(ignored(V1_KEYS.version, version.value, 'is not a format version; read as the current one'));
    return V1_NAMES;
  }
  const number = Number(version.value);
  if (number === 0) return V0_NAMES;
  if (number > URL_FORMAT_VERSION) {
    notices.push(
      `This link uses URL format v${number}, newer than this vigil reads (v${URL_FORMAT_VERSION}); parts of it may be ignored`,
    );
  }
  return V1_NAMES;
}

/** `true` / `false` for a flag written bare (`kiosk`), as 1/0 or as true/false. */
function readFlag(value: string): boolean | null {
  const lower = value.toLowerCase();
  if (lower === '' || lower === '1' || lower === 'true') return true;
  if (lower === '0' || lower === 'false') return false;
  return null;
}

/**
 * An interval of at least a second and at most what a browser timer can wait (about 24.8 days:
 * a longer `setInterval` fires at once, so `refresh=25d` once sent a query every few milliseconds),
 * as Prometheus writes durations (`30s`, `1m`).
 */
function readInterval(key: string, value: string, notices: string[]): number | undefined {
  const ms = parseDuration(value);
  if (ms === null) notices.push(ignored(key, value, 'is not a duration like 30s, 1m or 1h30m'));
  else if (ms < MIN_INTERVAL_MS) notices.push(ignored(key, value, 'is shorter than 1s'));
  else if (ms > MAX_TIMER_DELAY_MS) notices.push(ignored(key, value, 'is longer than 24d, the longest interval a browser timer can wait'));
  else return ms;
  return undefined;
}

class Decoder {
  readonly notices: string[] = [];
  private readonly params: ParamMap;
  private readonly names: KeyNames;
  // Sets, so checking a thousand values from a link against them stays linear.
  private readonly knownDashboards: ReadonlySet<string> | undefined;
  // Grows by the panels the link itself adds (read first, from the fragment).
  private readonly knownPanels: Set<string> | undefined;
  private readonly knownIncidents: ReadonlySet<string> | undefined;

  constructor(
    search: string,
    private readonly hash: string,
    private readonly context: DecodeContext,
  ) {
    this.params = readParams(search, '?', this.notices);
    this.names = keyNamesFor(this.params, this.notices);
    this.knownDashboards = context.knownDashboards && new Set(context.knownDashboards);
    this.knownPanels = context.knownPanels && new Set(context.knownPanels);
    this.knownIncidents = context.knownIncidents && new Set(context.knownIncidents);
  }

  private single(names: readonly string[]) {
    return takeSingle(this.params, names, this.notices);
  }

  /** A non-empty single value, checked against `known` when the context lists what exists. */
  private identifier(names: readonly string[], known: ReadonlySet<string> | undefined, unknownReason: string) {
    const param = this.single(names);
    if (!param) return undefined;
    if (param.value === '') this.notices.push(`Ignored "${param.key}": it is empty`);
    else if (known && !known.has(param.value)) this.notices.push(ignored(param.key, param.value, unknownReason));
    else return param.value;
    return undefined;
  }

  private isKnownPanel(panel: string): boolean {
    return !this.knownPanels || this.knownPanels.has(panel);
  }

  timezone(): string | undefined {
    const param = this.single(this.names.timezone);
    if (!param) return undefined;
    if (param.value === 'browser' || isValidTimezone(param.value)) return param.value;
    this.notices.push(ignored(param.key, param.value, 'is not a time zone'));
    return undefined;
  }

  range(timezone: string | undefined): TimeRange | undefined {
    const from = this.single(this.names.from);
    const to = this.single(this.names.to);
    if (!from) {
      if (to) this.notices.push(ignored(to.key, to.value, `has no "${this.names.from[0]}" to go with it`));
      return undefined;
    }
    // Grafana's habit: a range with only a start runs until now.
    const toValue = to?.value ?? 'now';
    const toKey = to?.key ?? V1_KEYS.to;
    const tz = timezone === undefined ? 'UTC' : resolveTimezone(timezone);
    const start = this.time(from.key, from.value, { tz });
    const end = this.time(toKey, toValue, { tz, roundUp: true });
    if (start === null && end !== null) this.notices.push(ignored(toKey, toValue, `is unusable without "${from.key}"`));
    if (end === null && start !== null) this.notices.push(ignored(from.key, from.value, `is unusable without "${toKey}"`));
    if (start === null || end === null) return undefined;
    if (start >= end) {
      this.notices.push(`Ignored "${from.key}" and "${toKey}": "${from.value}" is not before "${toValue}"`);
      return undefined;
    }
    return { from: from.value, to: toValue };
  }

  /** Epoch ms of a time from the link, or null with a notice saying why there is none. */
  private time(key: string, value: string, options: ParseTimeOptions): number | null {
    const result = readTimeInput(value, this.context.now, options);
    if (result.ok) return result.ms;
    this.notices.push(ignored(key, value, result.problem === 'out-of-bounds' ? 'is outside the years 0001–9999' : 'is not a time'));
    return null;
  }

  refresh(): number | undefined {
    const param = this.single([V1_KEYS.refresh]);
    // Grafana writes an empty refresh for "off".
    if (!param || param.value === '' || param.value === 'off') return undefined;
    return readInterval(param.key, param.value, this.notices);
  }

  vars(): Record<string, readonly string[]> {
    const entries: [string, readonly string[]][] = [];
    for (const [key, values] of this.params) {
      if (!key.startsWith(VAR_PREFIX)) continue;
      const name = key.slice(VAR_PREFIX.length);
      if (name === '') this.notices.push(`Ignored "${key}": a variable needs a name`);
      else entries.push([name, values]);
    }
    // fromEntries keeps a variable named "__proto__" an ordinary key.
    return Object.fromEntries(entries);
  }

  incidents(): string[] {
    const ids = new Set<string>();
    for (const id of this.params.get(V1_KEYS.incident) ?? []) {
      const known = this.knownIncidents;
      if (id === '') this.notices.push(`Ignored "${V1_KEYS.incident}": it is empty`);
      else if (known && !known.has(id)) this.notices.push(ignored(V1_KEYS.incident, id, 'is not a known incident'));
      else ids.add(id);
    }
    return [...ids];
  }

  /** The flag that hides every catalog incident; chosen ids contradict it and win. */
  noIncidents(chosen: readonly string[]): boolean {
    const param = this.single([V1_KEYS.noIncidents]);
    if (!param) return false;
    const flag = readFlag(param.value);
    if (flag === null) this.notices.push(ignored(param.key, param.value, 'is not true or false'));
    else if (flag && chosen.length > 0) this.notices.push(`Ignored "${param.key}": the link also chooses incidents to show`);
    else return flag;
    return false;
  }

  event(): string | undefined {
    return this.identifier([V1_KEYS.event], undefined, '');
  }

  dashboard(): string | undefined {
    return this.identifier([V1_KEYS.dashboard], this.knownDashboards, 'is not a known dashboard');
  }

  panel(): string | undefined {
    return this.identifier(this.names.panel, this.knownPanels, 'is not a panel of this dashboard');
  }

  hidden(): Record<string, readonly string[]> {
    const byPanel = new Map<string, Set<string>>();
    for (const value of this.params.get(V1_KEYS.hide) ?? []) {
      // Panel ids have no ':', series names may (`web-2:9100`), so the first ':' separates them.
      const colon = value.indexOf(':');
      const panel = value.slice(0, colon);
      const series = value.slice(colon + 1);
      if (colon <= 0) {
        this.notices.push(ignored(V1_KEYS.hide, value, 'is not <panel>:<series name>'));
      } else if (!this.isKnownPanel(panel)) {
        this.notices.push(ignored(V1_KEYS.hide, value, `names "${panel}", not a panel of this dashboard`));
      } else {
        const names = byPanel.get(panel) ?? new Set<string>();
        names.add(series);
        byPanel.set(panel, names);
      }
    }
    return Object.fromEntries([...byPanel].map(([panel, names]) => [panel, [...names]]));
  }

  compare(): CompareShift | undefined {
    const param = this.single([V1_KEYS.compare]);
    if (!param || param.value === '' || param.value === 'off') return undefined;
    if (isCompareShift(param.value)) return param.value;
    this.notices.push(ignored(param.key, param.value, 'is not 1d or 1w'));
    return undefined;
  }

  explore(): boolean {
    return this.flag(V1_KEYS.explore);
  }

  exploreQueries(): string[] {
    return readExploreQueries(this.params.get(V1_KEYS.exploreQuery) ?? [], this.notices);
  }

  exploreHidden(queryCount: number): Record<string, readonly string[]> {
    return readExploreHidden(this.params.get(V1_KEYS.exploreHide) ?? [], queryCount, this.notices);
  }

  /**
   * The time Explore's tables show values at: a time inside the link's range (when the link has
   * one: a cursor outside it would silently show the end of the range instead), kept as epoch ms.
   */
  exploreCursor(range: TimeRange | undefined, timezone: string | undefined): number | undefined {
    const param = this.single([V1_KEYS.exploreCursor]);
    if (!param) return undefined;
    const tz = timezone === undefined ? 'UTC' : resolveTimezone(timezone);
    const ms = this.time(param.key, param.value, { tz });
    if (ms === null) return undefined;
    const resolved = range && resolveRange(range, this.context.now, tz);
    if (resolved && (ms < resolved.start || ms > resolved.end)) {
      this.notices.push(ignored(param.key, param.value, 'is outside the range of the link'));
      return undefined;
    }
    return ms;
  }

  inspect(panel: string | undefined): string | undefined {
    const id = this.identifier([V1_KEYS.inspect], this.knownPanels, 'is not a panel of this dashboard');
    if (id !== undefined && panel !== undefined && id !== panel) {
      this.notices.push(ignored(V1_KEYS.inspect, id, `is not the panel the link shows ("${panel}")`));
      return undefined;
    }
    return id;
  }

  kiosk(): boolean {
    return this.flag(V1_KEYS.kiosk);
  }

  private flag(key: string): boolean {
    const param = this.single([key]);
    if (!param) return false;
    const flag = readFlag(param.value);
    if (flag === null) this.notices.push(ignored(param.key, param.value, 'is not true or false'));
    return flag ?? false;
  }

  playlist(): ViewPlaylist | undefined {
    const param = this.single([V1_KEYS.playlist]);
    const rawItems = this.params.get(V1_KEYS.playlistItem) ?? [];
    const intervalMs = param ? readInterval(param.key, param.value, this.notices) : undefined;
    if (intervalMs === undefined) {
      if (rawItems.length > 0) this.notices.push(`Ignored "${V1_KEYS.playlistItem}": there is no valid "${V1_KEYS.playlist}" interval`);
      return undefined;
    }
    const items: string[] = [];
    const known = this.knownDashboards;
    for (const item of rawItems) {
      const key = V1_KEYS.playlistItem;
      if (item === '') this.notices.push(`Ignored "${key}": it is empty`);
      else if (item.startsWith('now')) {
        if (this.time(key, item, {}) !== null) items.push(item);
      } else if (known && !known.has(item)) this.notices.push(ignored(key, item, 'is not a known dashboard'));
      else items.push(item);
    }
    return { intervalMs, items };
  }

  fragment(): { overrides: Record<string, readonly string[]>; importedIncidents: Incident[]; addedPanels: AddedPanel[] } {
    const params = readParams(this.hash, '#', this.notices);
    const param = takeSingle(params, [FRAGMENT_KEY], this.notices);
    if (!param) return { overrides: {}, importedIncidents: [], addedPanels: [] };
    const decoded = decodeFragment(param.value);
    this.notices.push(...decoded.notices);
    const addedPanels = this.newPanels(decoded.addedPanels ?? []);
    const overrides = Object.entries(decoded.overrides ?? {}).filter(([panel, queries]) => {
      if (!this.isKnownPanel(panel)) {
        this.notices.push(`Ignored the query overrides for "${panel}": not a panel of this dashboard`);
        return false;
      }
      return queries.length > 0;
    });
    return { overrides: Object.fromEntries(overrides), importedIncidents: this.uniqueIncidents(decoded.importedIncidents ?? []), addedPanels };
  }

  /** Added panels whose ids no dashboard uses; they become known, so the link may hide, focus or edit them. */
  private newPanels(panels: readonly AddedPanel[]): AddedPanel[] {
    const fresh = panels.filter(({ id }) => {
      if (this.knownPanels?.has(id)) this.notices.push(`Ignored the panel ${quote(id)} added from Explore: a dashboard panel has that id`);
      return !this.knownPanels?.has(id);
    });
    for (const { id } of fresh) this.knownPanels?.add(id);
    return fresh;
  }

  /** One incident per id: a link's incident never stands in for a catalog one, nor repeats itself. */
  private uniqueIncidents(incidents: readonly Incident[]): Incident[] {
    const catalog = this.knownIncidents ?? new Set<string>();
    const seen = new Set<string>();
    return incidents.filter(({ id }) => {
      const reason = catalog.has(id) ? 'has the id of an incident of this site' : seen.has(id) ? 'is in the link twice' : null;
      seen.add(id);
      if (reason) this.notices.push(`Ignored the incident ${quote(id)} from the link: it ${reason}`);
      return reason === null;
    });
  }
}

function decodeOrThrow(search: string, hash: string, context: DecodeContext): DecodedViewState {
  const d = new Decoder(search, hash, context);
  // The fragment first: the panels it adds are panels the rest of the link may name.
  const { overrides, importedIncidents, addedPanels } = d.fragment();
  const timezone = d.timezone();
  const range = d.range(timezone);
  const dashboard = d.dashboard();
  const refresh = d.refresh();
  const vars = d.vars();
  const incidents = d.incidents();
  const noIncidents = d.noIncidents(incidents);
  const event = d.event();
  const panel = d.panel();
  const hidden = d.hidden();
  const compare = d.compare();
  const kiosk = d.kiosk();
  const playlist = d.playlist();
  const explore = d.explore();
  const exploreQueries = d.exploreQueries();
  const exploreHidden = d.exploreHidden(exploreQueries.length);
  const exploreCursor = d.exploreCursor(range, timezone);
  const inspect = d.inspect(panel);
  const state: ViewState = { vars, incidents, importedIncidents, hidden, overrides, kiosk, explore, exploreQueries, addedPanels };
  if (dashboard !== undefined) state.dashboard = dashboard;
  if (range !== undefined) state.range = range;
  if (timezone !== undefined) state.timezone = timezone;
  if (refresh !== undefined) state.refresh = refresh;
  if (noIncidents) state.noIncidents = true;
  if (event !== undefined) state.event = event;
  if (panel !== undefined) state.panel = panel;
  if (playlist !== undefined) state.playlist = playlist;
  if (compare !== undefined) state.compare = compare;
  if (Object.keys(exploreHidden).length > 0) state.exploreHidden = exploreHidden;
  if (exploreCursor !== undefined) state.exploreCursor = exploreCursor;
  if (inspect !== undefined) state.inspect = inspect;
  return { state, notices: d.notices };
}

/**
 * Reads a view state from `location.search` and `location.hash` (leading `?`/`#` optional).
 * Total: it never throws. Unknown keys are ignored silently; our keys with bad values, credential
 * keys and unreadable fragments are ignored with a notice each, falling back to the default.
 */
export function decodeViewState(search: string, hash: string, context: DecodeContext): DecodedViewState {
  try {
    return decodeOrThrow(search, hash, context);
  } catch (error) {
    // Nothing above is expected to throw; a bug must cost the link, not the page.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      state: { ...EMPTY_VIEW_STATE },
      notices: [`Ignored the whole link: it could not be read (${reason})`],
    };
  }
}

import type { Incident } from '../incidents';
import { EARLIEST_TIME_MS, LATEST_TIME_MS, type ResolvedRange, type TimeRange } from '../time';
import { addedPanelTitle, EXPLORE_LIMITS, nextAddedPanelId } from './explore';
import { incidentRange } from './ranges';
import type { AddedPanel, CompareShift, ViewState } from './viewState';

/**
 * Every change of the view, as a pure function of the view state (Prometheus's queryPageSlice
 * reducers are the model). Components call these and write the result to the URL; none of them
 * builds a ViewState by hand, so each change is named, tested once, and the same everywhere.
 */

/**
 * A range of epoch ms as the URL writes it: whole milliseconds, so the link reads back exactly;
 * kept within the years vigil reads (a link past them would be refused and fall back to the default).
 */
function absoluteRange(start: number, end: number): TimeRange {
  return { from: urlInstant(start), to: urlInstant(end) };
}

/** Epoch ms, or ISO 8601 before 1970: the URL reads only non-negative epoch numbers. */
function urlInstant(ms: number): string {
  const within = Math.min(LATEST_TIME_MS, Math.max(EARLIEST_TIME_MS, Math.round(ms)));
  return within >= 0 ? String(within) : new Date(within).toISOString();
}

export function setRange(view: ViewState, range: TimeRange): ViewState {
  return { ...view, range };
}

/** Drag-zoom: the dragged instants become the range. */
export function zoomTo(view: ViewState, start: number, end: number): ViewState {
  return { ...view, range: absoluteRange(start, end) };
}

/**
 * Twice as wide around the same centre, as Grafana's "Zoom out" (Ctrl+Z) does; at the edge of the
 * years vigil reads it stops there rather than leaving them.
 */
export function zoomOut(view: ViewState, resolved: ResolvedRange): ViewState {
  const span = resolved.end - resolved.start;
  return { ...view, range: absoluteRange(resolved.start - span / 2, resolved.end + span / 2) };
}

/**
 * The range moved earlier (-1) or later (+1) by half its width, as Grafana's arrows beside the
 * time picker do. A move later stops at `now`: past it there is nothing to show yet.
 */
export function shiftRange(view: ViewState, resolved: ResolvedRange, direction: -1 | 1, now: number): ViewState {
  const span = resolved.end - resolved.start;
  const by = direction === 1 ? Math.min(span / 2, Math.max(0, now - resolved.end)) : -span / 2;
  if (by === 0) return view;
  return { ...view, range: absoluteRange(resolved.start + by, resolved.end + by) };
}

/** "Compare to": the same queries a day or a week earlier on every panel, or none with `undefined`. */
export function setCompare(view: ViewState, compare: CompareShift | undefined): ViewState {
  return { ...view, compare };
}

export function setTimezone(view: ViewState, timezone: string): ViewState {
  return { ...view, timezone };
}

export function setRefresh(view: ViewState, refresh: number | undefined): ViewState {
  return { ...view, refresh };
}

/** Another dashboard; a focused or inspected panel of the old one would mean nothing there. */
export function chooseDashboard(view: ViewState, dashboard: string): ViewState {
  return { ...view, dashboard, panel: undefined, inspect: undefined };
}

/** Opens a panel's Inspect view (closing any other, as Grafana's single inspect drawer), or closes it with `undefined`. */
export function inspectPanel(view: ViewState, panel: string | undefined): ViewState {
  return { ...view, inspect: panel };
}

/** One panel full size, or back to the whole dashboard with `undefined`. */
export function focusPanel(view: ViewState, panel: string | undefined): ViewState {
  return { ...view, panel };
}

export function enterKiosk(view: ViewState): ViewState {
  return { ...view, kiosk: true };
}

export function setVariable(view: ViewState, name: string, values: readonly string[]): ViewState {
  return { ...view, vars: { ...view.vars, [name]: values } };
}

/**
 * The panel's queries replaced by an ad-hoc edit, or restored with `undefined`. An edit equal to
 * the dashboard's own queries is the same as none, so the link does not carry it.
 */
export function overrideQueries(view: ViewState, panelId: string, queries: readonly string[] | undefined): ViewState {
  const overrides = { ...view.overrides };
  if (queries) overrides[panelId] = queries;
  else delete overrides[panelId];
  return { ...view, overrides };
}

/** Hides a shown series or shows a hidden one; an empty list is not kept (links stay short). */
export function toggleSeries(view: ViewState, panelId: string, name: string): ViewState {
  return { ...view, hidden: toggledIn(view.hidden, panelId, name) };
}

/**
 * A plain click on a legend entry (Grafana's habit): that series alone, written as hiding the
 * others. Clicking the series that is already shown alone shows them all again.
 */
export function isolateSeries(view: ViewState, panelId: string, name: string, allNames: readonly string[]): ViewState {
  return { ...view, hidden: isolatedIn(view.hidden, panelId, name, allNames) };
}

type HiddenSets = Readonly<Record<string, readonly string[]>>;

function toggledIn(hidden: HiddenSets, key: string, name: string): HiddenSets {
  const current = hidden[key] ?? [];
  const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
  const out = { ...hidden };
  if (next.length > 0) out[key] = next;
  else delete out[key];
  return out;
}

function isolatedIn(hidden: HiddenSets, key: string, name: string, allNames: readonly string[]): HiddenSets {
  const others = [...new Set(allNames.filter((n) => n !== name))];
  const current = hidden[key] ?? [];
  const alone = !current.includes(name) && others.every((n) => current.includes(n));
  const out = { ...hidden };
  if (alone || others.length === 0) delete out[key];
  else out[key] = others;
  return out;
}

/** Highlights a timeline event, or clears the highlight with `undefined`. */
export function selectEvent(view: ViewState, key: string | undefined): ViewState {
  return { ...view, event: key };
}

/** A click on a marker: selects it, or clears it when it was already selected. */
export function toggleEvent(view: ViewState, key: string): ViewState {
  return selectEvent(view, view.event === key ? undefined : key);
}

/** How far either side of an event `zoomToEvent` shows: enough to see what led to it and what followed. */
export const EVENT_ZOOM_PAD_MS = 15 * 60_000;

/**
 * Activating an event: it is selected and every panel shows it ±15 minutes. The window keeps its
 * width at the edge of the years vigil reads (it slides inside them instead of shrinking), and an
 * event with no time a Date can hold only selects.
 */
export function zoomToEvent(view: ViewState, key: string, time: number): ViewState {
  if (!Number.isFinite(time)) return selectEvent(view, key);
  const start = Math.min(LATEST_TIME_MS - 2 * EVENT_ZOOM_PAD_MS, Math.max(EARLIEST_TIME_MS, time - EVENT_ZOOM_PAD_MS));
  return { ...view, event: key, range: absoluteRange(start, start + 2 * EVENT_ZOOM_PAD_MS) };
}

/**
 * Enter, Space or a click on an event (a marker or its Timeline entry): a pressed one is released
 * and the range stays (Back or zoom out return to the wider view); any other is zoomed to. `time` is
 * undefined for a key no shown incident has, which then selects nothing new.
 */
export function activateEvent(view: ViewState, key: string, time: number | undefined): ViewState {
  if (view.event === key) return selectEvent(view, undefined);
  return time === undefined ? view : zoomToEvent(view, key, time);
}

/**
 * The incident's window with context around it, that incident alone, and — unless the user chose
 * a timezone — the zone its postmortem was read in, so the times on the axis match the document.
 */
export function openIncidentWindow(view: ViewState, incident: Incident): ViewState {
  return { ...view, range: incidentRange(incident), timezone: view.timezone ?? incident.timezone, incidents: [incident.id], noIncidents: undefined };
}

/** The catalog incidents shown, in effect: the chosen ones, all of them when none are chosen, or none. */
export function shownCatalogIds(view: ViewState, catalogIds: readonly string[]): string[] {
  if (view.noIncidents) return [];
  if (view.incidents.length === 0) return [...catalogIds];
  const chosen = new Set(view.incidents);
  return catalogIds.filter((id) => chosen.has(id));
}

/**
 * Which catalog incidents the page overlays (the incident picker). Written the shortest way a link
 * can say it: all of them is the default (no key), none is `no-incidents`, else the ids in catalog
 * order. Ids not in the catalog are dropped.
 */
export function showIncidents(view: ViewState, ids: readonly string[], catalogIds: readonly string[]): ViewState {
  const wanted = new Set(ids);
  const shown = catalogIds.filter((id) => wanted.has(id));
  const unique = [...new Set(shown)];
  if (unique.length === 0 && catalogIds.length > 0) return { ...view, incidents: [], noIncidents: true };
  if (unique.length === new Set(catalogIds).size) return { ...view, incidents: [], noIncidents: undefined };
  return { ...view, incidents: unique, noIncidents: undefined };
}

/** Ticks or unticks one catalog incident in the picker. */
export function toggleIncident(view: ViewState, id: string, catalogIds: readonly string[]): ViewState {
  const shown = shownCatalogIds(view, catalogIds);
  const next = shown.includes(id) ? shown.filter((other) => other !== id) : [...shown, id];
  return showIncidents(view, next, catalogIds);
}

/**
 * An incident that came with the link leaves the view: it lives only in the link's fragment, so
 * taking it out of the view is taking it out of the link (import it again to bring it back).
 */
export function removeImportedIncident(view: ViewState, id: string): ViewState {
  return { ...view, importedIncidents: view.importedIncidents.filter((i) => i.id !== id) };
}

/** A pasted postmortem joins the overlay (replacing one with the same id) and is brought into view. */
export function importIncident(view: ViewState, incident: Incident): ViewState {
  return {
    ...view,
    importedIncidents: [...view.importedIncidents.filter((i) => i.id !== incident.id), incident],
    range: incidentRange(incident),
  };
}

/** A playlist step: a known dashboard id switches the dashboard, anything else is a range ending now. */
export function showPlaylistItem(view: ViewState, item: string, knownDashboards: readonly string[]): ViewState {
  return knownDashboards.includes(item) ? { ...view, dashboard: item } : { ...view, range: { from: item, to: 'now' } };
}

/** Explore in place of the dashboard, with the queries it had when left (or none yet). */
export function openExplore(view: ViewState): ViewState {
  return { ...view, explore: true };
}

/** Back to the dashboard; Explore's queries stay in the link for the next visit. */
export function closeExplore(view: ViewState): ViewState {
  return { ...view, explore: false };
}

/** Explore's queries replaced, as many as a link may carry (the first ones kept). */
export function setExploreQueries(view: ViewState, queries: readonly string[]): ViewState {
  const kept = queries.slice(0, EXPLORE_LIMITS.queries);
  return { ...view, exploreQueries: kept, exploreHidden: hiddenOfQueries(view.exploreHidden, kept.length, (n) => n) };
}

/**
 * One of Explore's queries run with new text; an index past the list adds it at the end. A changed
 * query answers other series, so the series hidden in its legend are forgotten.
 */
export function setExploreQuery(view: ViewState, index: number, expr: string): ViewState {
  const queries = [...view.exploreQueries];
  const changed = queries[index] !== expr;
  if (index < queries.length) queries[index] = expr;
  else queries.push(expr);
  const next = setExploreQueries(view, queries);
  if (!changed) return next;
  return { ...next, exploreHidden: hiddenOfQueries(next.exploreHidden, queries.length, (n) => (n === index + 1 ? null : n)) };
}

/** A new query row at the end; nothing changes when Explore already holds the most a link carries. */
export function addExploreQuery(view: ViewState, expr = ''): ViewState {
  if (view.exploreQueries.length >= EXPLORE_LIMITS.queries) return view;
  return setExploreQueries(view, [...view.exploreQueries, expr]);
}

/** Removes a query; the ones after it move up, and their hidden series with them. */
export function removeExploreQuery(view: ViewState, index: number): ViewState {
  const queries = view.exploreQueries.filter((_, i) => i !== index);
  const removed = index + 1;
  return { ...view, exploreQueries: queries, exploreHidden: hiddenOfQueries(view.exploreHidden, queries.length, (n) => (n === removed ? null : n > removed ? n - 1 : n)) };
}

/** Legend Ctrl/Cmd+click in Explore's query at `index` (0-based): hides or shows one series. */
export function toggleExploreSeries(view: ViewState, index: number, name: string): ViewState {
  return withExploreHidden(view, toggledIn(view.exploreHidden ?? {}, String(index + 1), name));
}

/** Legend click in Explore's query at `index`: that series alone, or all again. */
export function isolateExploreSeries(view: ViewState, index: number, name: string, allNames: readonly string[]): ViewState {
  return withExploreHidden(view, isolatedIn(view.exploreHidden ?? {}, String(index + 1), name, allNames));
}

/**
 * The time Explore's tables show values at (the cursor's rest), to whole seconds as the tables ask
 * it, kept within the years vigil reads; `undefined` is the end of the range again.
 */
export function setExploreCursor(view: ViewState, time: number | undefined): ViewState {
  if (time === undefined || !Number.isFinite(time)) return { ...view, exploreCursor: undefined };
  const within = Math.min(LATEST_TIME_MS, Math.max(EARLIEST_TIME_MS, Math.round(time / 1000) * 1000));
  return { ...view, exploreCursor: within };
}

function withExploreHidden(view: ViewState, hidden: HiddenSets): ViewState {
  return { ...view, exploreHidden: Object.keys(hidden).length > 0 ? hidden : undefined };
}

/** Hidden series renumbered by `renumber` (null drops a query's), kept only for queries 1..count. */
function hiddenOfQueries(hidden: HiddenSets | undefined, count: number, renumber: (n: number) => number | null): HiddenSets | undefined {
  if (!hidden) return undefined;
  const entries = Object.entries(hidden).flatMap(([key, names]) => {
    const n = renumber(Number(key));
    return n !== null && n >= 1 && n <= count && names.length > 0 ? [[String(n), names] as const] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * A query of Explore becomes a panel of the view, titled by its query, with an id no panel in
 * `takenIds` (the dashboards' panels) or already added has; then the dashboard, where it now is.
 * Nothing is added past the limit a link carries, nor a blank query.
 */
export function addQueryToDashboard(view: ViewState, expr: string, takenIds: Iterable<string>): ViewState {
  const trimmed = expr.trim();
  if (trimmed === '' || view.addedPanels.length >= EXPLORE_LIMITS.addedPanels) return view;
  const id = nextAddedPanelId([...takenIds, ...view.addedPanels.map((p) => p.id)]);
  const panel: AddedPanel = { id, title: addedPanelTitle(trimmed), expr: trimmed };
  return { ...view, addedPanels: [...view.addedPanels, panel], explore: false };
}

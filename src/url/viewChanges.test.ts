import fc from 'fast-check';
import type { Incident } from '../incidents';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import { decodeViewState } from './decode';
import { encodeViewState } from './encode';
import { EXPLORE_LIMITS } from './explore';
import {
  activateEvent,
  addExploreQuery,
  addQueryToDashboard,
  chooseDashboard,
  closeExplore,
  enterKiosk,
  focusPanel,
  importIncident,
  inspectPanel,
  isolateExploreSeries,
  isolateSeries,
  openExplore,
  openIncidentWindow,
  overrideQueries,
  removeExploreQuery,
  removeImportedIncident,
  selectEvent,
  setCompare,
  setExploreCursor,
  setExploreQueries,
  setExploreQuery,
  setVariable,
  shiftRange,
  showIncidents,
  showPlaylistItem,
  shownCatalogIds,
  toggleIncident,
  toggleEvent,
  toggleExploreSeries,
  toggleSeries,
  zoomOut,
  zoomTo,
  zoomToEvent,
} from './viewChanges';
import { EMPTY_VIEW_STATE, type ViewState } from './viewState';

const START = Date.UTC(2024, 0, 15, 10, 0);
const END = Date.UTC(2024, 0, 15, 12, 30);
const MINUTE = 60_000;
const DAY = 86_400_000;
const incident: Incident = { id: 'seed', title: 'Memory leak', start: START, end: END, events: [], timezone: 'Europe/Berlin' };

/** What a link made from the state shows when opened: the change must survive the URL. */
function throughLink(state: ViewState): ViewState {
  const [search = '', hash = ''] = encodeViewState(state).split('#');
  return decodeViewState(search, hash, { now: END }).state;
}

describe('view changes', () => {
  it('setCompare turns "Compare to" on and off, and the link keeps it as compare=1d|1w', () => {
    const dayBefore = setCompare(EMPTY_VIEW_STATE, '1d');
    expect(encodeViewState(dayBefore)).toBe('?v=1&compare=1d');
    expect(throughLink(dayBefore).compare).toBe('1d');
    const weekBefore = setCompare(dayBefore, '1w');
    expect(throughLink(weekBefore).compare).toBe('1w');
    const off = setCompare(weekBefore, undefined);
    expect(encodeViewState(off)).toBe('');
    expect(throughLink(off).compare).toBeUndefined();
  });

  it('a link with another compare value is read without it, and says so', () => {
    const decoded = decodeViewState('?v=1&compare=1y', '', { now: END });
    expect(decoded.state.compare).toBeUndefined();
    expect(decoded.notices).toEqual(['Ignored "compare": "1y" is not 1d or 1w']);
  });

  it('zoomTo makes the dragged instants the range, in whole milliseconds', () => {
    const zoomed = zoomTo(EMPTY_VIEW_STATE, START + 0.4, END - 0.4);
    expect(zoomed.range).toEqual({ from: String(START), to: String(END) });
    expect(throughLink(zoomed).range).toEqual(zoomed.range);
  });

  it('zoomOut doubles the width around the same centre', () => {
    const out = zoomOut(EMPTY_VIEW_STATE, { start: START, end: END });
    const span = END - START;
    expect(out.range).toEqual({ from: String(START - span / 2), to: String(END + span / 2) });
  });

  it('zoomOut near year 9999 or year 1 stops at the edge, and the link still opens that range', () => {
    const nearEnd = { start: LATEST_TIME_MS - 10 * DAY, end: LATEST_TIME_MS - DAY };
    const out = zoomOut(EMPTY_VIEW_STATE, nearEnd);
    expect(out.range).toEqual({ from: String(nearEnd.start - 4.5 * DAY), to: String(LATEST_TIME_MS) });
    expect(throughLink(out).range).toEqual(out.range);
    const widest = zoomOut(zoomOut(EMPTY_VIEW_STATE, { start: EARLIEST_TIME_MS + DAY, end: EARLIEST_TIME_MS + 2 * DAY }), { start: EARLIEST_TIME_MS, end: LATEST_TIME_MS });
    expect(widest.range).toEqual({ from: '0001-01-02T00:00:00.000Z', to: String(LATEST_TIME_MS) });
    expect(throughLink(widest).range).toEqual(widest.range);
  });

  it('shiftRange moves the range by half its width, earlier or later, keeping its width', () => {
    const span = END - START;
    const now = END + 10 * span;
    const earlier = shiftRange(EMPTY_VIEW_STATE, { start: START, end: END }, -1, now);
    expect(earlier.range).toEqual({ from: String(START - span / 2), to: String(END - span / 2) });
    const later = shiftRange(EMPTY_VIEW_STATE, { start: START, end: END }, 1, now);
    expect(later.range).toEqual({ from: String(START + span / 2), to: String(END + span / 2) });
    expect(throughLink(later).range).toEqual(later.range);
    // Back then forth is where it started.
    expect(shiftRange(earlier, { start: START - span / 2, end: END - span / 2 }, 1, now).range).toEqual({ from: String(START), to: String(END) });
  });

  it('shiftRange stops a move later at now, and does nothing at now', () => {
    const span = END - START;
    const later = shiftRange(EMPTY_VIEW_STATE, { start: START, end: END }, 1, END + 10 * MINUTE);
    expect(later.range).toEqual({ from: String(START + 10 * MINUTE), to: String(END + 10 * MINUTE) });
    const live = { ...EMPTY_VIEW_STATE, range: { from: 'now-6h', to: 'now' } };
    expect(shiftRange(live, { start: END - span, end: END }, 1, END)).toBe(live);
    expect(shiftRange(live, { start: END - span, end: END }, -1, END).range).toEqual({ from: String(END - 1.5 * span), to: String(END - span / 2) });
  });

  it('chooseDashboard drops the focused panel of the previous dashboard', () => {
    const focused = focusPanel({ ...EMPTY_VIEW_STATE, dashboard: 'a' }, 'memory');
    expect(focused.panel).toBe('memory');
    expect(chooseDashboard(focused, 'b')).toEqual({ ...EMPTY_VIEW_STATE, dashboard: 'b', panel: undefined });
  });

  it('overrideQueries sets and then removes a panel edit, leaving other panels alone', () => {
    const base = overrideQueries(EMPTY_VIEW_STATE, 'cache', ['cache_bytes']);
    const edited = overrideQueries(base, 'memory', ['sum(x)']);
    expect(edited.overrides).toEqual({ cache: ['cache_bytes'], memory: ['sum(x)'] });
    expect(overrideQueries(edited, 'memory', undefined).overrides).toEqual({ cache: ['cache_bytes'] });
    expect(base.overrides).toEqual({ cache: ['cache_bytes'] });
  });

  it('toggleSeries hides, then shows again, and forgets empty panels', () => {
    const hidden = toggleSeries(toggleSeries(EMPTY_VIEW_STATE, 'memory', 'web-2'), 'memory', 'web-3');
    expect(hidden.hidden).toEqual({ memory: ['web-2', 'web-3'] });
    expect(throughLink(hidden).hidden).toEqual({ memory: ['web-2', 'web-3'] });
    const shown = toggleSeries(toggleSeries(hidden, 'memory', 'web-2'), 'memory', 'web-3');
    expect(shown.hidden).toEqual({});
  });

  it('isolateSeries hides every other series, and a second click on it shows them all', () => {
    const all = ['web-1', 'web-2', 'web-3'];
    const isolated = isolateSeries(EMPTY_VIEW_STATE, 'memory', 'web-2', all);
    expect(isolated.hidden).toEqual({ memory: ['web-1', 'web-3'] });
    expect(throughLink(isolated).hidden).toEqual({ memory: ['web-1', 'web-3'] });
    expect(isolateSeries(isolated, 'memory', 'web-2', all).hidden).toEqual({});
    // Another series clicked while one is isolated: that one alone instead.
    expect(isolateSeries(isolated, 'memory', 'web-3', all).hidden).toEqual({ memory: ['web-1', 'web-2'] });
    // A hidden series clicked: shown alone. Other panels are left as they were.
    const mixed = toggleSeries(toggleSeries(EMPTY_VIEW_STATE, 'memory', 'web-1'), 'cache', 'web-3');
    expect(isolateSeries(mixed, 'memory', 'web-1', all).hidden).toEqual({ memory: ['web-2', 'web-3'], cache: ['web-3'] });
    // Ctrl/Cmd+click toggles on top of an isolation.
    expect(toggleSeries(isolated, 'memory', 'web-3').hidden).toEqual({ memory: ['web-1'] });
  });

  it('isolateSeries of the only series shows it (nothing else to hide)', () => {
    const hidden = toggleSeries(EMPTY_VIEW_STATE, 'memory', 'web-1');
    expect(isolateSeries(hidden, 'memory', 'web-1', ['web-1']).hidden).toEqual({});
  });

  it('toggleEvent selects an event and clears it on a second click; selectEvent always selects', () => {
    const selected = toggleEvent(EMPTY_VIEW_STATE, 'seed#3');
    expect(selected.event).toBe('seed#3');
    expect(toggleEvent(selected, 'seed#3').event).toBeUndefined();
    expect(toggleEvent(selected, 'seed#4').event).toBe('seed#4');
    expect(selectEvent(selected, 'seed#3').event).toBe('seed#3');
  });

  it('zoomToEvent selects the event and shows it ±15 minutes, and the link opens exactly that', () => {
    const detected = Date.UTC(2024, 0, 15, 10, 0);
    const zoomed = throughLink(zoomToEvent({ ...EMPTY_VIEW_STATE, range: { from: 'now-6h', to: 'now' } }, 'seed#0', detected));
    expect(zoomed.event).toBe('seed#0');
    expect(zoomed.range).toEqual({ from: String(detected - 15 * MINUTE), to: String(detected + 15 * MINUTE) });
  });

  it('zoomToEvent keeps the 30 minutes inside the years vigil reads, and only selects an event it cannot place', () => {
    expect(zoomToEvent(EMPTY_VIEW_STATE, 'k', LATEST_TIME_MS).range).toEqual({ from: String(LATEST_TIME_MS - 30 * MINUTE), to: String(LATEST_TIME_MS) });
    const first = zoomToEvent(EMPTY_VIEW_STATE, 'k', EARLIEST_TIME_MS - DAY);
    expect(first.range).toEqual({ from: new Date(EARLIEST_TIME_MS).toISOString(), to: new Date(EARLIEST_TIME_MS + 30 * MINUTE).toISOString() });
    expect(throughLink(first).range).toEqual(first.range);
    expect(zoomToEvent(EMPTY_VIEW_STATE, 'k', Number.NaN)).toEqual({ ...EMPTY_VIEW_STATE, event: 'k' });
  });

  it('zoomToEvent: for any instant, the link opens 30 minutes that hold it', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST_TIME_MS, max: LATEST_TIME_MS }), (time) => {
        const range = throughLink(zoomToEvent(EMPTY_VIEW_STATE, 'k', time)).range;
        if (!range) return false;
        // Before 1970 the link writes ISO 8601 (it reads only non-negative epoch numbers).
        const from = /^\d+$/.test(range.from) ? Number(range.from) : Date.parse(range.from);
        const to = /^\d+$/.test(range.to) ? Number(range.to) : Date.parse(range.to);
        return to - from === 30 * MINUTE && from <= time && time <= to;
      }),
    );
  });

  it('activateEvent zooms to a new event, releases the pressed one without moving, and ignores an unknown one', () => {
    const at = Date.UTC(2024, 0, 15, 12, 0);
    const zoomed = activateEvent(EMPTY_VIEW_STATE, 'seed#5', at);
    expect(zoomed).toEqual(zoomToEvent(EMPTY_VIEW_STATE, 'seed#5', at));
    const released = activateEvent(zoomed, 'seed#5', at);
    expect(released.event).toBeUndefined();
    expect(released.range).toEqual(zoomed.range);
    expect(activateEvent(zoomed, 'gone#9', undefined)).toBe(zoomed);
  });

  it("openIncidentWindow shows that incident, padded, in its document's zone unless one was chosen", () => {
    const opened = openIncidentWindow(EMPTY_VIEW_STATE, incident);
    expect(opened.range).toEqual({ from: String(START - 30 * MINUTE), to: String(END + 30 * MINUTE) });
    expect(opened.incidents).toEqual(['seed']);
    expect(opened.timezone).toBe('Europe/Berlin');
    expect(openIncidentWindow({ ...EMPTY_VIEW_STATE, timezone: 'UTC' }, incident).timezone).toBe('UTC');
  });

  it('importIncident replaces an import with the same id and brings it into view', () => {
    const once = importIncident(EMPTY_VIEW_STATE, incident);
    const twice = importIncident(once, { ...incident, title: 'Memory leak, revised' });
    expect(twice.importedIncidents.map((i) => i.title)).toEqual(['Memory leak, revised']);
    expect(twice.range).toEqual(once.range);
  });

  it('removeImportedIncident takes one incident of the link out of it, and leaves the others', () => {
    const both = importIncident(importIncident(EMPTY_VIEW_STATE, incident), { ...incident, id: 'other', title: 'Other' });
    const left = throughLink(removeImportedIncident(both, 'seed'));
    expect(left.importedIncidents.map((i) => i.id)).toEqual(['other']);
    expect(left.range).toEqual(both.range);
    expect(throughLink(removeImportedIncident(left, 'other')).importedIncidents).toEqual([]);
  });

  it('showPlaylistItem switches a known dashboard, otherwise shows a range ending now', () => {
    expect(showPlaylistItem(EMPTY_VIEW_STATE, 'overview', ['overview']).dashboard).toBe('overview');
    expect(showPlaylistItem(EMPTY_VIEW_STATE, 'now-6h', ['overview']).range).toEqual({ from: 'now-6h', to: 'now' });
  });

  it('setVariable and enterKiosk change only their part of the view', () => {
    const state = enterKiosk(setVariable(EMPTY_VIEW_STATE, 'instance', ['web-2', 'web-3']));
    expect(state).toEqual({ ...EMPTY_VIEW_STATE, vars: { instance: ['web-2', 'web-3'] }, kiosk: true });
    expect(EMPTY_VIEW_STATE.vars).toEqual({});
  });

  it('openExplore and closeExplore switch the mode and keep the queries for the next visit', () => {
    const opened = setExploreQueries(openExplore(EMPTY_VIEW_STATE), ['up', 'rate(x[5m])']);
    expect(throughLink(opened)).toEqual(opened);
    const closed = closeExplore(opened);
    expect(closed.explore).toBe(false);
    expect(throughLink(closed).exploreQueries).toEqual(['up', 'rate(x[5m])']);
    expect(throughLink(openExplore(closed))).toEqual(opened);
  });

  it('addExploreQuery, setExploreQuery and removeExploreQuery edit the list in order, through a link', () => {
    const added = addExploreQuery(addExploreQuery(openExplore(EMPTY_VIEW_STATE), 'up'));
    expect(added.exploreQueries).toEqual(['up', '']);
    const typed = setExploreQuery(added, 1, 'sum by (instance) (x{a="&=#"})');
    expect(throughLink(typed).exploreQueries).toEqual(['up', 'sum by (instance) (x{a="&=#"})']);
    expect(setExploreQuery(EMPTY_VIEW_STATE, 0, 'up').exploreQueries).toEqual(['up']);
    expect(removeExploreQuery(typed, 0).exploreQueries).toEqual(['sum by (instance) (x{a="&=#"})']);
    expect(typed.exploreQueries).toHaveLength(2);
  });

  it('hidden series of Explore follow their query through a link, a removal and an edit', () => {
    const exploring = setExploreQueries(openExplore(EMPTY_VIEW_STATE), ['up', 'rate(x[5m])', 'y']);
    const hidden = toggleExploreSeries(isolateExploreSeries(exploring, 1, 'x{i="a"}', ['x{i="a"}', 'x{i="b"}', 'x{i="c"}']), 2, 'y{i="1"}');
    expect(hidden.exploreHidden).toEqual({ '2': ['x{i="b"}', 'x{i="c"}'], '3': ['y{i="1"}'] });
    expect(throughLink(hidden)).toEqual(hidden);
    // Query 1 removed: Query 2 becomes Query 1 and keeps its hidden series.
    expect(removeExploreQuery(hidden, 0).exploreHidden).toEqual({ '1': ['x{i="b"}', 'x{i="c"}'], '2': ['y{i="1"}'] });
    expect(removeExploreQuery(hidden, 1).exploreHidden).toEqual({ '2': ['y{i="1"}'] });
    // An edited query answers other series; running the same text again keeps them.
    expect(setExploreQuery(hidden, 1, 'rate(z[5m])').exploreHidden).toEqual({ '3': ['y{i="1"}'] });
    expect(setExploreQuery(hidden, 1, 'rate(x[5m])').exploreHidden).toEqual(hidden.exploreHidden);
    // Shown again: nothing left in the link.
    expect(encodeViewState(toggleExploreSeries(exploring, 2, 'y{i="1"}'))).toContain('q-hide=3');
    expect(encodeViewState(toggleExploreSeries(toggleExploreSeries(exploring, 2, 'y{i="1"}'), 2, 'y{i="1"}'))).not.toContain('q-hide');
  });

  it('setExploreCursor keeps a whole second within the years vigil reads, through a link', () => {
    const at = setExploreCursor(openExplore(EMPTY_VIEW_STATE), 1705323600400.7);
    expect(at.exploreCursor).toBe(1705323600000);
    expect(throughLink(at)).toEqual(at);
    expect(setExploreCursor(at, 1e300).exploreCursor).toBe(LATEST_TIME_MS);
    expect(throughLink(setExploreCursor(at, -1e300)).exploreCursor).toBe(EARLIEST_TIME_MS);
    expect(encodeViewState(setExploreCursor(at, undefined))).not.toContain('cursor');
  });

  it('inspectPanel opens one panel\'s Inspect view in the link; another dashboard closes it', () => {
    const inspecting = inspectPanel(EMPTY_VIEW_STATE, 'memory');
    expect(encodeViewState(inspecting)).toBe('?v=1&inspect=memory');
    expect(throughLink(inspecting)).toEqual(inspecting);
    expect(inspectPanel(inspecting, undefined).inspect).toBeUndefined();
    expect(chooseDashboard(inspecting, 'other').inspect).toBeUndefined();
  });

  it('adds no query past the limit a link carries', () => {
    const full = setExploreQueries(EMPTY_VIEW_STATE, Array.from({ length: EXPLORE_LIMITS.queries + 3 }, (_, i) => `q${i}`));
    expect(full.exploreQueries).toHaveLength(EXPLORE_LIMITS.queries);
    expect(addExploreQuery(full, 'more')).toBe(full);
  });

  it('addQueryToDashboard adds a panel titled by its query, with a fresh id, and goes back to the dashboard', () => {
    const exploring = setExploreQueries(openExplore(EMPTY_VIEW_STATE), ['up', 'rate(x[5m])']);
    const once = addQueryToDashboard(exploring, ' up ', ['memory', 'explore-1']);
    expect(once.addedPanels).toEqual([{ id: 'explore-2', title: 'up', expr: 'up' }]);
    expect(once.explore).toBe(false);
    const twice = addQueryToDashboard(openExplore(once), 'rate(x[5m])', ['memory', 'explore-1']);
    expect(twice.addedPanels.map((p) => p.id)).toEqual(['explore-2', 'explore-3']);
    expect(throughLink(twice)).toEqual(twice);
    // A blank query is not a panel.
    expect(addQueryToDashboard(exploring, '  ', [])).toBe(exploring);
  });

  it('addQueryToDashboard shortens a long query for the title and keeps it whole as the query', () => {
    const expr = `sum by (instance) (${'x + '.repeat(100)}y)`;
    const [panel] = addQueryToDashboard(EMPTY_VIEW_STATE, expr, []).addedPanels;
    expect(panel?.title).toHaveLength(EXPLORE_LIMITS.titleChars);
    expect(panel?.title.endsWith('…')).toBe(true);
    expect(panel?.expr).toBe(expr);
  });

  it('an added panel can be hidden from and focused through a link that knows only the dashboard panels', () => {
    const added = focusPanel(toggleSeries(addQueryToDashboard(EMPTY_VIEW_STATE, 'up', ['memory']), 'explore-1', 'web-1'), 'explore-1');
    const [search = '', hash = ''] = encodeViewState(added).split('#');
    const decoded = decodeViewState(search, hash, { now: END, knownPanels: ['memory'] });
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toEqual(added);
  });
});

describe('choosing the incidents shown (the incident picker)', () => {
  const catalog = ['db-failover', 'seed', 'cdn'];

  it('shows every catalog incident by default, and writes nothing for it', () => {
    expect(shownCatalogIds(EMPTY_VIEW_STATE, catalog)).toEqual(catalog);
    expect(encodeViewState(showIncidents(EMPTY_VIEW_STATE, [...catalog].reverse(), catalog))).toBe('');
  });

  it('hides one, shows it again, and each step survives the link', () => {
    const hidden = toggleIncident(EMPTY_VIEW_STATE, 'seed', catalog);
    expect(shownCatalogIds(hidden, catalog)).toEqual(['db-failover', 'cdn']);
    expect(encodeViewState(hidden)).toBe('?v=1&incident=db-failover&incident=cdn');
    expect(shownCatalogIds(throughLink(hidden), catalog)).toEqual(['db-failover', 'cdn']);
    const again = toggleIncident(throughLink(hidden), 'seed', catalog);
    expect(shownCatalogIds(again, catalog)).toEqual(catalog);
    expect(encodeViewState(again)).toBe('');
  });

  it('can hide them all, which is not the same as the default', () => {
    let view = EMPTY_VIEW_STATE;
    for (const id of catalog) view = toggleIncident(view, id, catalog);
    expect(shownCatalogIds(view, catalog)).toEqual([]);
    expect(encodeViewState(view)).toBe('?v=1&no-incidents');
    expect(shownCatalogIds(throughLink(view), catalog)).toEqual([]);
    expect(shownCatalogIds(toggleIncident(throughLink(view), 'cdn', catalog), catalog)).toEqual(['cdn']);
  });

  it('drops ids the catalog does not have and repeats', () => {
    const view = showIncidents(EMPTY_VIEW_STATE, ['cdn', 'ghost', 'cdn'], catalog);
    expect(view.incidents).toEqual(['cdn']);
  });

  it('opening one incident\'s window shows that incident even where all were hidden', () => {
    const none = showIncidents(EMPTY_VIEW_STATE, [], catalog);
    const opened = openIncidentWindow(none, { ...incident, id: 'seed' });
    expect(shownCatalogIds(throughLink(opened), ['seed'])).toEqual(['seed']);
  });

  it('reads a link that both chooses incidents and hides them all as choosing them, and says so', () => {
    const decoded = decodeViewState('?v=1&incident=seed&no-incidents', '', { now: END });
    expect(shownCatalogIds(decoded.state, catalog)).toEqual(['seed']);
    expect(decoded.notices).toEqual(['Ignored "no-incidents": the link also chooses incidents to show']);
  });
});

import { Suspense, useMemo } from 'react';
import { DashboardView, VariablePicker, useDashboardVariables, usePromClient, useTimeRange, type Dashboard, type VariableValues } from '../dashboard';
// By module, not the incidents index: the index also re-exports the postmortem reader, which the
// first load leaves to a chunk of its own (loaders.ts).
import { IncidentLegend } from '../incidents/IncidentLegend';
import { IncidentStrip } from '../incidents/IncidentStrip';
import { incidentColors } from '../incidents/incidentColors';
import type { Incident } from '../incidents/model';
import { toOverlay } from '../incidents/overlay';
import {
  activateEvent,
  COMPARE_SHIFTS,
  addExploreQuery,
  addQueryToDashboard,
  EXPLORE_LIMITS,
  focusPanel,
  inspectPanel,
  isolateExploreSeries,
  isolateSeries,
  openIncidentWindow,
  overrideQueries,
  removeExploreQuery,
  setExploreCursor,
  setExploreQuery,
  setVariable,
  shownCatalogIds,
  showPlaylistItem,
  toggleIncident,
  removeImportedIncident,
  toggleExploreSeries,
  toggleSeries,
  zoomOut,
  zoomTo,
  type ViewState,
} from '../url';
import type { AppProps } from './App';
import { CompactHeader } from './CompactHeader';
import { DesktopHeader } from './DesktopHeader';
import { IncidentPicker } from './IncidentPicker';
import { KioskHeader } from './KioskHeader';
import { NoticeBar } from './NoticeBar';
import { OpenIncidentBanner } from './OpenIncidentBanner';
import { shownIncidents } from './shownIncidents';
import { usePlaylist } from './usePlaylist';
import { COMPACT_LAYOUT_QUERY, useMediaQuery } from './useMediaQuery';
import type { HistoryMode } from './useViewState';
import { useWakeLock } from './useWakeLock';
import { withAddedPanels } from './withAddedPanels';
import { lazyNamed, PartLoading } from '../lazy';

// Explore is a chunk of its own: the first load draws the dashboard.
const ExploreView = lazyNamed(() => import('../explore'), 'ExploreView');

const NO_HIDDEN: Readonly<Record<string, readonly string[]>> = {};

interface Props extends AppProps {
  readonly catalog: readonly Incident[];
  readonly dashboard: Dashboard;
  readonly view: ViewState;
  readonly notices: readonly string[];
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly dismissNotices: () => void;
}

/**
 * The page for one view: the kiosk wall, or the controls around the panels — the desktop's row, or
 * on a narrow screen one compact bar with the rest in a menu. Only the layout differs: the same view
 * state drives both.
 */
export function DashboardPage({ boot, demo, catalog, dashboard: ownDashboard, view, notices, setView, dismissNotices }: Props) {
  const { config, dashboards } = boot;
  const dashboard = useMemo(() => withAddedPanels(ownDashboard, view.addedPanels), [ownDashboard, view.addedPanels]);
  const time = useTimeRange();
  const client = usePromClient();
  const variables = useDashboardVariables(client, { variables: dashboard.variables, panels: dashboard.panels, urlVars: view.vars, range: time });
  const push = (next: ViewState) => setView(next, 'push');
  const compact = useMediaQuery(COMPACT_LAYOUT_QUERY);

  useWakeLock(view.kiosk);
  // usePlaylist keeps the latest callback in a ref: the rotation runs on its own clock.
  usePlaylist(view.playlist, (item: string) => {
    setView(
      showPlaylistItem(
        view,
        item,
        dashboards.map((d) => d.id),
      ),
      'replace',
    );
    time.resolveNow();
  });

  const shown = useMemo(
    () => shownIncidents(catalog, view.incidents, view.importedIncidents, view.noIncidents),
    [catalog, view.incidents, view.importedIncidents, view.noIncidents],
  );
  const incidents = shown.incidents;
  const catalogIds = useMemo(() => catalog.map((i) => i.id), [catalog]);
  // By place in the catalog, then in the link: hiding one incident never recolours another.
  const colors = useMemo(
    () => incidentColors([...catalogIds, ...incidents.filter((i) => shown.fromLink.has(i.id)).map((i) => i.id)]),
    [catalogIds, incidents, shown.fromLink],
  );
  const overlay = useMemo(() => toOverlay(incidents, { colors, now: time.now }), [incidents, colors, time.now]);
  // Enter, Space or a click on an event, on a chart or in a Timeline: select it and show it ±15 min
  // on every panel. Pushed, unlike a drag-zoom: one discrete step that Back undoes.
  const activate = (key: string) => push(activateEvent(view, key, overlay.markers.find((m) => m.key === key)?.time));
  const incidentPicker = (
    <IncidentPicker
      catalog={catalog}
      shownIds={shownCatalogIds(view, catalogIds)}
      colors={colors}
      onToggle={(id) => push(toggleIncident(view, id, catalogIds))}
      fromLink={incidents.filter((i) => shown.fromLink.has(i.id))}
      onRemoveFromLink={(id) => push(removeImportedIncident(view, id))}
    />
  );
  const incidentProblems = boot.incidents.flatMap((l) => (l.result.ok ? [] : [{ source: l.source, error: l.result.error }]));
  const readingsById = new Map(boot.incidents.flatMap((l) => (l.result.ok ? [[l.result.incident.id, l.result.reading] as const] : [])));

  const dashboardView = (
    <DashboardView
      dashboard={dashboard}
      windows={overlay.windows}
      markers={overlay.markers}
      selectedMarkerKey={view.event}
      onSelectMarker={activate}
      focusedPanel={view.panel}
      inspectedPanel={view.inspect}
      onInspect={(panel) => push(inspectPanel(view, panel))}
      variables={variables.values}
      compareShiftMs={view.compare && COMPARE_SHIFTS[view.compare]}
      overrides={view.overrides}
      hidden={view.hidden}
      kiosk={view.kiosk}
      panelHeight={view.kiosk ? 'fill' : 260}
      onFocus={(panel) => push(focusPanel(view, panel))}
      // A zoom drag replaces the history entry (a continuous change); "Zoom out" pushes.
      onZoom={(start, end) => setView(zoomTo(view, start, end), 'replace')}
      onOverride={(panelId, queries) => push(overrideQueries(view, panelId, queries))}
      onToggleSeries={(panelId, name) => push(toggleSeries(view, panelId, name))}
      onIsolateSeries={(panelId, name, allNames) => push(isolateSeries(view, panelId, name, allNames))}
      onZoomOut={() => push(zoomOut(view, time))}
    />
  );

  if (view.kiosk) {
    return (
      <div className="app kiosk" data-theme="dark">
        <KioskHeader title={dashboard.title} demo={demo} />
        <OpenIncidentBanner incidents={incidents} fromLink={shown.fromLink} />
        {dashboardView}
      </div>
    );
  }

  const exploreView = view.explore && (
    <Suspense fallback={<PartLoading what="Explore" />}>
    <ExploreView
      queries={view.exploreQueries}
      maxQueries={EXPLORE_LIMITS.queries}
      cursorTime={view.exploreCursor}
      // A resting cursor is a continuous change (replace); going back to the range's end pushes.
      onCursorTime={(at) => setView(setExploreCursor(view, at), at === undefined ? 'push' : 'replace')}
      hidden={view.exploreHidden ?? NO_HIDDEN}
      onToggleSeries={(index, name) => push(toggleExploreSeries(view, index, name))}
      onIsolateSeries={(index, name, all) => push(isolateExploreSeries(view, index, name, all))}
      variables={variables.values}
      windows={overlay.windows}
      markers={overlay.markers}
      selectedMarkerKey={view.event}
      onSelectMarker={activate}
      onRunQuery={(index, expr) => push(setExploreQuery(view, index, expr))}
      onAddQuery={() => push(addExploreQuery(view))}
      onRemoveQuery={(index) => push(removeExploreQuery(view, index))}
      onAddToDashboard={(expr) =>
        push(
          addQueryToDashboard(
            view,
            expr,
            dashboards.flatMap((d) => d.panels.map((p) => p.id)),
          ),
        )
      }
      onZoom={(start, end) => setView(zoomTo(view, start, end), 'replace')}
      onZoomOut={() => push(zoomOut(view, time))}
    />
    </Suspense>
  );

  // Explore applies the dashboard's variables as its panels do, so the picker stays there too.
  const variablePicker = dashboard.variables.length > 0 && (
    <VariablePicker
      variables={dashboard.variables}
      values={variables.values}
      options={variables.options}
      onChange={(name, values) => push(setVariable(view, name, values))}
    />
  );

  return (
    <div className={compact ? 'app compact' : 'app'} data-theme={config.theme}>
      {compact ? (
        <CompactHeader
          title={config.title}
          dashboards={dashboards}
          dashboard={dashboard}
          view={view}
          setView={setView}
          demo={demo}
          selectionSummary={selectionSummary(dashboard, variables.values)}
        >
          {incidentPicker}
          {variablePicker}
        </CompactHeader>
      ) : (
        <>
          <DesktopHeader title={config.title} dashboards={dashboards} dashboard={dashboard} view={view} setView={setView} demo={demo}>
            {incidentPicker}
          </DesktopHeader>
          {variablePicker}
        </>
      )}
      <NoticeBar notices={[...notices, ...variables.notices]} onDismiss={dismissNotices} />
      <OpenIncidentBanner incidents={incidents} fromLink={shown.fromLink} />
      {incidentProblems.map((p) => (
        <div key={p.source} role="alert" className="incident-problem">
          Could not read the incident document {p.source}: {p.error}
        </div>
      ))}
      {incidents.length > 1 && <IncidentLegend incidents={incidents} colors={colors} fromLink={shown.fromLink} />}
      {incidents.map((incident) => (
        <div key={incident.id}>
          <IncidentStrip
            incident={incident}
            timezone={time.timezone}
            selectedKey={view.event}
            onActivate={activate}
            reading={readingsById.get(incident.id)}
            fromLink={shown.fromLink.has(incident.id)}
            color={colors.get(incident.id)}
            onOpenWindow={() => push(openIncidentWindow(view, incident))}
            collapsible={compact}
          />
        </div>
      ))}
      {exploreView || dashboardView}
    </div>
  );
}

/** 'Instance: web-2, web-3' for the variables that select less than All; undefined when all do. */
function selectionSummary(dashboard: Dashboard, values: VariableValues): string | undefined {
  const parts = dashboard.variables.flatMap((variable) => {
    const value = Object.hasOwn(values, variable.name) ? values[variable.name] : undefined;
    if (!value || value.all || value.selected.length === 0) return [];
    return [`${variable.label ?? variable.name}: ${value.selected.join(', ')}`];
  });
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

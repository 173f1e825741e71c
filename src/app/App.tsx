import { useCallback, useMemo } from 'react';
import {
  DashboardView,
  TimeRangeProvider,
  VariablePicker,
  resolveVariables,
  usePromClient,
  useTimeRange,
  useVariableOptions,
  type Dashboard,
} from '../dashboard';
import { IncidentStrip, toOverlay, type Incident } from '../incidents';
import { resolveTimezone, type TimeRange } from '../time';
import {
  focusPanel,
  openIncidentWindow,
  overrideQueries,
  selectEvent,
  setRange,
  setVariable,
  showPlaylistItem,
  toggleEvent,
  toggleSeries,
  zoomTo,
  type ViewState,
} from '../url';
import type { BootData } from './boot';
import { DesktopHeader } from './DesktopHeader';
import { KioskHeader } from './KioskHeader';
import { NoticeBar } from './NoticeBar';
import { OpenIncidentBanner } from './OpenIncidentBanner';
import { usePlaylist } from './usePlaylist';
import { useViewState, type HistoryMode } from './useViewState';
import { useWakeLock } from './useWakeLock';

interface Props {
  readonly boot: BootData;
  readonly demo: boolean;
}

const FALLBACK_RANGE: TimeRange = { from: 'now-1h', to: 'now' };

/** The URL's view state, and the time it resolves to, around the page that shows them. */
export function App({ boot, demo }: Props) {
  const catalog = useMemo(() => boot.incidents.flatMap((l) => (l.result.ok ? [l.result.incident] : [])), [boot.incidents]);
  const context = useMemo(
    () => ({
      knownDashboards: boot.dashboards.map((d) => d.id),
      knownPanels: boot.dashboards.flatMap((d) => d.panels.map((p) => p.id)),
      knownIncidents: catalog.map((i) => i.id),
    }),
    [boot.dashboards, catalog],
  );
  const { view, notices, setView, dismissNotices } = useViewState(context);
  const dashboard: Dashboard = boot.dashboards.find((d) => d.id === view.dashboard) ?? (boot.dashboards[0] as Dashboard);
  const range = view.range ?? dashboard.defaultRange ?? FALLBACK_RANGE;
  const onRangeChange = useCallback((next: TimeRange) => setView(setRange(view, next), 'push'), [view, setView]);

  return (
    <TimeRangeProvider
      range={range}
      fallbackRange={FALLBACK_RANGE}
      timezone={resolveTimezone(view.timezone ?? boot.config.timezone)}
      refreshMs={view.refresh}
      onRangeChange={onRangeChange}
    >
      <DashboardPage boot={boot} demo={demo} catalog={catalog} dashboard={dashboard} view={view} notices={notices} setView={setView} dismissNotices={dismissNotices} />
    </TimeRangeProvider>
  );
}

interface PageProps extends Props {
  readonly catalog: readonly Incident[];
  readonly dashboard: Dashboard;
  readonly view: ViewState;
  readonly notices: readonly string[];
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly dismissNotices: () => void;
}

function DashboardPage({ boot, demo, catalog, dashboard, view, notices, setView, dismissNotices }: PageProps) {
  const { config, dashboards } = boot;
  const time = useTimeRange();
  const client = usePromClient();
  const variableOptions = useVariableOptions(client, dashboard.variables, time);
  const variables = useMemo(() => resolveVariables(dashboard.variables, view.vars, variableOptions), [dashboard.variables, view.vars, variableOptions]);
  const push = (next: ViewState) => setView(next, 'push');

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

  const incidents: Incident[] = useMemo(() => {
    const chosen = view.incidents.length > 0 ? catalog.filter((i) => view.incidents.includes(i.id)) : catalog;
    return [...chosen, ...view.importedIncidents];
  }, [catalog, view.incidents, view.importedIncidents]);
  const overlay = useMemo(() => toOverlay(incidents), [incidents]);
  const incidentProblems = boot.incidents.flatMap((l) => (l.result.ok ? [] : [{ source: l.source, error: l.result.error }]));
  const notesById = new Map(boot.incidents.flatMap((l) => (l.result.ok ? [[l.result.incident.id, l.result.notes] as const] : [])));

  const dashboardView = (
    <DashboardView
      dashboard={dashboard}
      windows={overlay.windows}
      markers={overlay.markers}
      selectedMarkerKey={view.event}
      onSelectMarker={(key) => push(toggleEvent(view, key))}
      focusedPanel={view.panel}
      variables={variables.values}
      overrides={view.overrides}
      hidden={view.hidden}
      kiosk={view.kiosk}
      panelHeight={view.kiosk ? 'fill' : 260}
      onFocus={(panel) => push(focusPanel(view, panel))}
      // A zoom drag replaces the history entry (a continuous change); "Zoom out" pushes.
      onZoom={(start, end) => setView(zoomTo(view, start, end), 'replace')}
      onOverride={(panelId, queries) => push(overrideQueries(view, panelId, queries))}
      onToggleSeries={(panelId, name) => push(toggleSeries(view, panelId, name))}
    />
  );

  if (view.kiosk) {
    return (
      <div className="app kiosk" data-theme="dark">
        <KioskHeader title={dashboard.title} demo={demo} />
        <OpenIncidentBanner incidents={incidents} />
        {dashboardView}
      </div>
    );
  }

  return (
    <div className="app" data-theme={config.theme}>
      <DesktopHeader title={config.title} dashboards={dashboards} dashboard={dashboard} view={view} setView={setView} demo={demo} />
      {dashboard.variables.length > 0 && (
        <VariablePicker
          variables={dashboard.variables}
          values={variables.values}
          options={variableOptions}
          onChange={(name, values) => push(setVariable(view, name, values))}
        />
      )}
      <NoticeBar notices={[...notices, ...variables.notices]} onDismiss={dismissNotices} />
      <OpenIncidentBanner incidents={incidents} />
      {incidentProblems.map((p) => (
        <div key={p.source} role="alert" className="incident-problem">
          Could not read the incident document {p.source}: {p.error}
        </div>
      ))}
      {incidents.map((incident) => (
        <div key={incident.id}>
          <IncidentStrip
            incident={incident}
            timezone={time.timezone}
            selectedKey={view.event}
            onSelect={(key) => push(selectEvent(view, key))}
            notes={notesById.get(incident.id)}
            onOpenWindow={() => push(openIncidentWindow(view, incident))}
          />
          {!(notesById.get(incident.id) ?? []).some((n) => /zone|UTC|offset/i.test(n)) && (
            <p className="incident-timezone-note">Incident times read as {incident.timezone}: the postmortem names no timezone.</p>
          )}
        </div>
      ))}
      {dashboardView}
    </div>
  );
}

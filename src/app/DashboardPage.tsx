import { useMemo } from 'react';
import { DashboardView, VariablePicker, useDashboardVariables, usePromClient, useTimeRange, type Dashboard } from '../dashboard';
import { IncidentStrip, toOverlay, type Incident } from '../incidents';
import {
  focusPanel,
  isolateSeries,
  openIncidentWindow,
  overrideQueries,
  selectEvent,
  setVariable,
  showPlaylistItem,
  toggleEvent,
  toggleSeries,
  zoomOut,
  zoomTo,
  type ViewState,
} from '../url';
import type { AppProps } from './App';
import { DesktopHeader } from './DesktopHeader';
import { KioskHeader } from './KioskHeader';
import { NoticeBar } from './NoticeBar';
import { OpenIncidentBanner } from './OpenIncidentBanner';
import { usePlaylist } from './usePlaylist';
import type { HistoryMode } from './useViewState';
import { useWakeLock } from './useWakeLock';

interface Props extends AppProps {
  readonly catalog: readonly Incident[];
  readonly dashboard: Dashboard;
  readonly view: ViewState;
  readonly notices: readonly string[];
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly dismissNotices: () => void;
}

/** The page for one view: the kiosk wall or the desktop with its controls, around the panels. */
export function DashboardPage({ boot, demo, catalog, dashboard, view, notices, setView, dismissNotices }: Props) {
  const { config, dashboards } = boot;
  const time = useTimeRange();
  const client = usePromClient();
  const variables = useDashboardVariables(client, { variables: dashboard.variables, panels: dashboard.panels, urlVars: view.vars, range: time });
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
      onIsolateSeries={(panelId, name, allNames) => push(isolateSeries(view, panelId, name, allNames))}
      onZoomOut={() => push(zoomOut(view, time))}
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
          options={variables.options}
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

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { DashboardView, VariablePicker, resolveVariables, usePromClient, useVariableOptions, type Dashboard } from '../dashboard';
import { IncidentStrip, toOverlay } from '../incidents';
import { isRelative, resolveRange, resolveTimezone, zoneAbbreviation, type TimeRange } from '../time';
import { incidentRange, type ViewState } from '../url';
import type { BootData } from './boot';
import { ImportPostmortem } from './ImportPostmortem';
import { KioskHeader } from './KioskHeader';
import { NoticeBar } from './NoticeBar';
import { OpenIncidentBanner } from './OpenIncidentBanner';
import { shownIncidents } from './shownIncidents';
import { RefreshPicker } from './RefreshPicker';
import { ServerStatus } from './ServerStatus';
import { ShareButton } from './ShareButton';
import { TimeRangePicker } from './TimeRangePicker';
import { TimezonePicker } from './TimezonePicker';
import { UpdatedAgo } from './UpdatedAgo';
import { useAutoRefresh } from './useAutoRefresh';
import { usePlaylist } from './usePlaylist';
import { useViewState } from './useViewState';
import { useWakeLock } from './useWakeLock';

interface Props {
  readonly boot: BootData;
  readonly demo: boolean;
}

const FALLBACK_RANGE: TimeRange = { from: 'now-1h', to: 'now' };

export function App({ boot, demo }: Props) {
  const { config, dashboards } = boot;
  const catalog = useMemo(() => boot.incidents.flatMap((l) => (l.result.ok ? [l.result.incident] : [])), [boot.incidents]);
  const context = useMemo(
    () => ({
      knownDashboards: dashboards.map((d) => d.id),
      knownPanels: dashboards.flatMap((d) => d.panels.map((p) => p.id)),
      knownIncidents: catalog.map((i) => i.id),
    }),
    [dashboards, catalog],
  );
  const { view, notices, setView, dismissNotices } = useViewState(context);
  const queryClient = useQueryClient();

  const dashboard: Dashboard = dashboards.find((d) => d.id === view.dashboard) ?? (dashboards[0] as Dashboard);
  const range = view.range ?? dashboard.defaultRange ?? FALLBACK_RANGE;
  const timezone = resolveTimezone(view.timezone ?? config.timezone);
  // "now" is resolved once per tick and shared by every panel, so they all show the same window.
  const [now, setNow] = useState(() => Date.now());
  const resolved = resolveRange(range, now, timezone) ?? (resolveRange(FALLBACK_RANGE, now) as { start: number; end: number });
  const relative = isRelative(range);
  const client = usePromClient();
  const variableOptions = useVariableOptions(client, dashboard.variables, resolved);
  const variables = useMemo(() => resolveVariables(dashboard.variables, view.vars, variableOptions), [dashboard.variables, view.vars, variableOptions]);

  const update = useCallback((patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push') => setView({ ...view, ...patch }, mode), [view, setView]);
  const refreshNow = useCallback(() => {
    queryClient.removeQueries({ queryKey: ['prometheus'], type: 'inactive' });
    if (relative) setNow(Date.now());
    else void queryClient.invalidateQueries({ queryKey: ['prometheus'], refetchType: 'active' });
  }, [queryClient, relative, setNow]);
  useAutoRefresh({ intervalMs: view.refresh, relative, onNow: setNow });
  useWakeLock(view.kiosk);
  // usePlaylist keeps the latest callback in a ref: the rotation runs on its own clock.
  usePlaylist(view.playlist, (item: string) => {
    const isDashboard = dashboards.some((d) => d.id === item);
    setView(isDashboard ? { ...view, dashboard: item } : { ...view, range: { from: item, to: 'now' } }, 'replace');
    setNow(Date.now());
  });

  const shown = useMemo(() => shownIncidents(catalog, view.incidents, view.importedIncidents), [catalog, view.incidents, view.importedIncidents]);
  const incidents = shown.incidents;
  const overlay = useMemo(() => toOverlay(incidents), [incidents]);
  const incidentProblems = boot.incidents.flatMap((l) => (l.result.ok ? [] : [{ source: l.source, error: l.result.error }]));
  const notesById = new Map(boot.incidents.flatMap((l) => (l.result.ok ? [[l.result.incident.id, l.result.notes] as const] : [])));

  const selectMarker = (key: string | undefined) => update({ event: key });
  const dashboardView = (
    <DashboardView
      dashboard={dashboard}
      start={resolved.start}
      end={resolved.end}
      timezone={timezone}
      windows={overlay.windows}
      markers={overlay.markers}
      selectedMarkerKey={view.event}
      onSelectMarker={(key) => selectMarker(view.event === key ? undefined : key)}
      focusedPanel={view.panel}
      variables={variables.values}
      overrides={view.overrides}
      hidden={view.hidden}
      kiosk={view.kiosk}
      panelHeight={view.kiosk ? 'fill' : 260}
      onFocus={(panel) => update({ panel })}
      // A zoom drag replaces the history entry (a continuous change); "Zoom out" pushes.
      onZoom={(start, end) => update({ range: { from: String(start), to: String(end) } }, 'replace')}
      onOverride={(panelId, queries) => {
        const overrides = { ...view.overrides };
        if (queries) overrides[panelId] = queries;
        else delete overrides[panelId];
        update({ overrides });
      }}
      onToggleSeries={(panelId, name) => {
        const current = view.hidden[panelId] ?? [];
        const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
        const hidden = { ...view.hidden };
        if (next.length > 0) hidden[panelId] = next;
        else delete hidden[panelId];
        update({ hidden });
      }}
    />
  );

  if (view.kiosk) {
    return (
      <div className="app kiosk" data-theme="dark">
        <KioskHeader title={dashboard.title} start={resolved.start} end={resolved.end} timezone={timezone} range={range} refreshMs={view.refresh} demo={demo} />
        <OpenIncidentBanner incidents={incidents} fromLink={shown.fromLink} />
        {dashboardView}
      </div>
    );
  }

  return (
    <div className="app" data-theme={config.theme}>
      <header className="app-header">
        <h1>{config.title}</h1>
        {dashboards.length > 1 ? (
          <select aria-label="Dashboard" value={dashboard.id} onChange={(e) => update({ dashboard: e.target.value, panel: undefined })}>
            {dashboards.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        ) : (
          <span className="dashboard-title">{dashboard.title}</span>
        )}
        <TimeRangePicker
          key={`${range.from}|${range.to}|${timezone}`}
          range={range}
          start={resolved.start}
          end={resolved.end}
          timezone={timezone}
          onChange={(next) => {
            update({ range: next });
            setNow(Date.now());
          }}
        />
        <TimezonePicker value={timezone} onChange={(tz) => update({ timezone: tz })} />
        <span className="timezone-shown" aria-label="Timezone shown">
          Times in {timezone} ({zoneAbbreviation(timezone, resolved.start)})
        </span>
        <button
          type="button"
          onClick={() => {
            const span = resolved.end - resolved.start;
            update({ range: { from: String(Math.round(resolved.start - span / 2)), to: String(Math.round(resolved.end + span / 2)) } });
          }}
        >
          Zoom out
        </button>
        <button type="button" onClick={refreshNow}>
          Refresh
        </button>
        <RefreshPicker value={view.refresh} onChange={(refresh) => update({ refresh })} />
        <UpdatedAgo refreshMs={view.refresh} />
        <ShareButton view={view} resolved={resolved} />
        <ImportPostmortem
          timezone={timezone}
          onImport={(incident) =>
            update({
              importedIncidents: [...view.importedIncidents.filter((i) => i.id !== incident.id), incident],
              range: incidentRange(incident),
            })
          }
        />
        <button type="button" onClick={() => update({ kiosk: true })}>
          Kiosk
        </button>
        <ServerStatus demo={demo} />
      </header>
      {dashboard.variables.length > 0 && (
        <VariablePicker
          variables={dashboard.variables}
          values={variables.values}
          options={variableOptions}
          onChange={(name, values) => update({ vars: { ...view.vars, [name]: values } })}
        />
      )}
      <NoticeBar notices={[...notices, ...variables.notices]} onDismiss={dismissNotices} />
      <OpenIncidentBanner incidents={incidents} fromLink={shown.fromLink} />
      {incidentProblems.map((p) => (
        <div key={p.source} role="alert" className="incident-problem">
          Could not read the incident document {p.source}: {p.error}
        </div>
      ))}
      {incidents.map((incident) => (
        <div key={incident.id}>
          <IncidentStrip
            incident={incident}
            timezone={timezone}
            selectedKey={view.event}
            onSelect={selectMarker}
            notes={notesById.get(incident.id)}
            fromLink={shown.fromLink.has(incident.id)}
            onOpenWindow={() => {
              update({ range: incidentRange(incident), timezone: view.timezone ?? incident.timezone, incidents: [incident.id] });
            }}
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

import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DashboardView } from '../dashboard';
import { IncidentStrip, toOverlay, type Incident } from '../incidents';
import { isRelative, resolveRange, zoneAbbreviation, type TimeRange } from '../time';
import type { VigilConfig } from './config';
import { loadDashboard, loadIncident } from './loaders';
import { ServerStatus } from './ServerStatus';
import { TimeRangePicker } from './TimeRangePicker';
import { TimezonePicker } from './TimezonePicker';
import { RefreshPicker } from './RefreshPicker';
import { useAutoRefresh } from './useAutoRefresh';

interface Props {
  readonly config: VigilConfig;
  readonly demo: boolean;
}

const FALLBACK_RANGE: TimeRange = { from: 'now-1h', to: 'now' };

export function App({ config, demo }: Props) {
  const dashboardPath = config.dashboards[0] ?? 'dashboards/incident.json';
  const dashboard = useQuery({ queryKey: ['dashboard', dashboardPath], queryFn: ({ signal }) => loadDashboard(dashboardPath, signal), staleTime: Infinity, retry: 1 });
  const [timezone, setTimezone] = useState(config.timezone);
  const incidentTimezone = 'UTC';
  const incidentResults = useQueries({
    queries: config.incidents.map((path) => ({
      queryKey: ['incident', path, incidentTimezone],
      queryFn: ({ signal }: { signal: AbortSignal }) => loadIncident(path, incidentTimezone, signal),
      staleTime: Infinity,
      retry: 1,
    })),
  });

  const [chosenRange, setChosenRange] = useState<TimeRange | null>(null);
  const range = chosenRange ?? dashboard.data?.defaultRange ?? FALLBACK_RANGE;
  // "now" is resolved once and shared by every panel, so they all show the same window.
  const [now, setNow] = useState(() => Date.now());
  const resolved = resolveRange(range, now) ?? resolveRange(FALLBACK_RANGE, now);
  const [selectedMarkerKey, setSelectedMarkerKey] = useState<string | undefined>();
  const [refreshMs, setRefreshMs] = useState<number | undefined>();
  useAutoRefresh({ intervalMs: refreshMs, relative: isRelative(range), onNow: setNow });

  const incidents: Incident[] = [];
  const incidentProblems: { source: string; error: string }[] = [];
  const incidentNotes = new Map<string, readonly string[]>();
  for (const r of incidentResults) {
    if (r.data?.result.ok) {
      incidents.push(r.data.result.incident);
      incidentNotes.set(r.data.result.incident.id, r.data.result.notes);
    } else if (r.data && !r.data.result.ok) incidentProblems.push({ source: r.data.source, error: r.data.result.error });
    else if (r.error) incidentProblems.push({ source: 'incident', error: r.error.message });
  }
  const incidentKey = incidents.map((i) => i.id).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- incidents are identified by their ids
  const overlay = useMemo(() => toOverlay(incidents), [incidentKey]);

  if (!resolved) return null;

  return (
    <div className="app">
      <header className="app-header">
        <h1>{config.title}</h1>
        <span className="dashboard-title">{dashboard.data?.title}</span>
        <TimeRangePicker
          key={`${range.from}|${range.to}|${timezone}`}
          range={range}
          start={resolved.start}
          end={resolved.end}
          timezone={timezone}
          onChange={(next) => {
            setChosenRange(next);
            setNow(Date.now());
          }}
        />
        <TimezonePicker value={timezone} onChange={setTimezone} />
        <span className="timezone-shown" aria-label="Timezone shown">
          Times in {timezone} ({zoneAbbreviation(timezone, resolved.start)})
        </span>
        <button type="button" onClick={() => setNow(Date.now())}>
          Refresh
        </button>
        <RefreshPicker value={refreshMs} onChange={setRefreshMs} />
        <ServerStatus demo={demo} />
      </header>
      {incidentProblems.map((p) => (
        <div key={p.source} role="alert" className="incident-problem">
          Could not read the incident document {p.source}: {p.error}
        </div>
      ))}
      {incidents.map((incident) => (
        <div key={incident.id}>
          <IncidentStrip incident={incident} timezone={timezone} selectedKey={selectedMarkerKey} onSelect={setSelectedMarkerKey} notes={incidentNotes.get(incident.id)} />
          <p className="incident-timezone-note">
            Incident times read as {incident.timezone}: the postmortem names no timezone.
          </p>
        </div>
      ))}
      {dashboard.isError && (
        <div role="alert" className="dashboard-error">
          {dashboard.error.message}
        </div>
      )}
      {dashboard.data && (
        <DashboardView
          dashboard={dashboard.data}
          start={resolved.start}
          end={resolved.end}
          timezone={timezone}
          windows={overlay.windows}
          markers={overlay.markers}
          selectedMarkerKey={selectedMarkerKey}
          onSelectMarker={(key) => setSelectedMarkerKey((prev) => (prev === key ? undefined : key))}
        />
      )}
    </div>
  );
}

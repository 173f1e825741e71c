import { useCallback, useMemo } from 'react';
import { TimeRangeProvider, type Dashboard } from '../dashboard';
import { resolveTimezone, type TimeRange } from '../time';
import { setRange } from '../url';
import type { BootData } from './boot';
import { DashboardPage } from './DashboardPage';
import { useViewState } from './useViewState';

export interface AppProps {
  readonly boot: BootData;
  readonly demo: boolean;
}

const FALLBACK_RANGE: TimeRange = { from: 'now-1h', to: 'now' };

/** The URL's view state, and the time it resolves to, around the page that shows them. */
export function App({ boot, demo }: AppProps) {
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


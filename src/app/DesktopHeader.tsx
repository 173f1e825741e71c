import type { ReactNode } from 'react';
import type { Dashboard } from '../dashboard';
import { useTimeRange } from '../dashboard';
import type { Incident } from '../incidents';
import { zoneAbbreviation } from '../time';
import { chooseDashboard, enterKiosk, importIncident, setRefresh, setTimezone, zoomOut, type ViewState } from '../url';
import type { HistoryMode } from './useViewState';
import { AlertsFiring } from './AlertsFiring';
import { CompareSelect } from './CompareSelect';
import { DashboardSelect } from './DashboardSelect';
import { ExploreToggle } from './ExploreToggle';
import { ImportPostmortem } from './ImportPostmortem';
import { RangeShiftButtons } from './RangeShiftButtons';
import { RefreshPicker } from './RefreshPicker';
import { ServerStatus } from './ServerStatus';
import { ShareButton } from './ShareButton';
import { TimeRangePicker } from './TimeRangePicker';
import { TimezonePicker } from './TimezonePicker';
import { UpdatedAgo } from './UpdatedAgo';

/** What every header of the desktop page gets: the view to show and change, and where it comes from. */
export interface HeaderProps {
  readonly title: string;
  readonly dashboards: readonly Dashboard[];
  readonly dashboard: Dashboard;
  readonly view: ViewState;
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly demo: boolean;
}

/** The controls of the desktop view: what to show, when, how often, and how to share it. */
export function DesktopHeader({ title, dashboards, dashboard, view, setView, demo, children }: HeaderProps & { readonly children?: ReactNode }) {
  const time = useTimeRange();
  const { start, end, timezone } = time;
  const push = (next: ViewState) => setView(next, 'push');
  return (
    <header className="app-header">
      <h1>{title}</h1>
      {dashboards.length > 1 ? (
        <DashboardSelect dashboards={dashboards} current={dashboard} onChoose={(id) => push(chooseDashboard(view, id))} />
      ) : (
        <span className="dashboard-title">{dashboard.title}</span>
      )}
      <TimeRangePicker key={`${time.range.from}|${time.range.to}|${timezone}`} range={time.range} start={start} end={end} timezone={timezone} onChange={time.setRange} />
      <TimezonePicker value={timezone} onChange={(tz) => push(setTimezone(view, tz))} />
      <span className="timezone-shown" aria-label="Timezone shown">
        Times in {timezone} ({zoneAbbreviation(timezone, start)})
      </span>
      <RangeShiftButtons view={view} push={push} />
      <CompareSelect view={view} push={push} />
      <button type="button" onClick={() => push(zoomOut(view, { start, end }))}>
        Zoom out
      </button>
      <button type="button" onClick={time.refreshNow}>
        Refresh
      </button>
      <RefreshPicker value={view.refresh} onChange={(refresh) => push(setRefresh(view, refresh))} />
      <UpdatedAgo refreshMs={view.refresh} />
      <AlertsFiring timezone={timezone} />
      <ExploreToggle view={view} push={push} />
      <ShareButton view={view} resolved={{ start, end }} />
      <ImportPostmortem timezone={timezone} onImport={(incident: Incident) => push(importIncident(view, incident))} />
      {/* The page's own controls for this view (the incident picker). */}
      {children}
      <button type="button" onClick={() => push(enterKiosk(view))}>
        Kiosk
      </button>
      <ServerStatus demo={demo} />
    </header>
  );
}

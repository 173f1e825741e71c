import { useId, useRef, useState, type ReactNode } from 'react';
import { useTimeRange } from '../dashboard';
import type { Incident } from '../incidents';
import { formatTime } from '../time';
import { chooseDashboard, enterKiosk, importIncident, setRefresh, setTimezone, zoomOut, type ViewState } from '../url';
import { ExploreToggle } from './ExploreToggle';
import type { HeaderProps } from './DesktopHeader';
import { AlertsFiring } from './AlertsFiring';
import { CompareSelect } from './CompareSelect';
import { DashboardSelect } from './DashboardSelect';
import { ImportPostmortem } from './ImportPostmortem';
import { RefreshPicker } from './RefreshPicker';
import { ServerStatus } from './ServerStatus';
import { ShareButton } from './ShareButton';
import { AbsoluteRangeForm, RangePresetSelect } from './TimeRangePicker';
import { TimezonePicker } from './TimezonePicker';
import { UpdatedAgo } from './UpdatedAgo';

interface Props extends HeaderProps {
  /** What the dashboard's variables select, in words ("Instance: web-2"), shown while the menu is shut. */
  readonly selectionSummary?: string;
  /** More controls for the menu (the dashboard's variable pickers). */
  readonly children?: ReactNode;
}

/** '01-15 09:00–13:30', or '01-14 20:00 – 01-15 08:00' across midnight: a range a narrow select can show whole. */
export function compactRangeLabel(start: number, end: number, timezone: string): string {
  const first = formatTime(start, timezone, 'axis-short');
  return formatTime(start, timezone, 'date') === formatTime(end, timezone, 'date')
    ? `${first}–${formatTime(end, timezone, 'time')}`
    : `${first} – ${formatTime(end, timezone, 'axis-short')}`;
}

/**
 * The controls on a narrow screen: one bar with what a reader of a link changes first — the time
 * range and the timezone — and a menu for the rest, so the charts start within the first screen.
 */
export function CompactHeader({ title, dashboards, dashboard, view, setView, demo, selectionSummary, children }: Props) {
  const time = useTimeRange();
  const { start, end, timezone } = time;
  const push = (next: ViewState) => setView(next, 'push');
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  return (
    <header className="compact-header">
      <div className="compact-title-row">
        <h1>{title}</h1>
        <span className="dashboard-title">{dashboard.title}</span>
        <UpdatedAgo refreshMs={view.refresh} />
        <AlertsFiring timezone={timezone} />
      </div>
      <div className="compact-bar">
        <span className="compact-range">
          <RangePresetSelect range={time.range} start={start} end={end} timezone={timezone} onChange={time.setRange} customLabel={compactRangeLabel(start, end, timezone)} />
        </span>
        <TimezonePicker value={timezone} onChange={(tz) => push(setTimezone(view, tz))} />
        <button ref={menuButton} type="button" className="compact-menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
          Menu
        </button>
      </div>
      {selectionSummary && <p className="compact-selection">{selectionSummary}</p>}
      {/* Only when the server cannot be reached: that must not hide behind the menu. */}
      <ServerStatus demo={demo} compact />
      {open && (
        <div
          id={menuId}
          className="compact-menu"
          role="group"
          aria-label="More controls"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
          {dashboards.length > 1 && (
            <DashboardSelect dashboards={dashboards} current={dashboard} onChoose={(id) => push(chooseDashboard(view, id))} />
          )}
          <AbsoluteRangeForm key={`${time.range.from}|${time.range.to}|${timezone}`} range={time.range} timezone={timezone} onChange={time.setRange} />
          <div className="compact-menu-buttons">
            <button type="button" onClick={() => push(zoomOut(view, { start, end }))}>
              Zoom out
            </button>
            <button type="button" onClick={time.refreshNow}>
              Refresh
            </button>
            <RefreshPicker value={view.refresh} onChange={(refresh) => push(setRefresh(view, refresh))} />
            <CompareSelect view={view} push={push} />
          </div>
          {children}
          <div className="compact-menu-buttons">
            <ExploreToggle view={view} push={push} />
            <ShareButton view={view} resolved={{ start, end }} />
            <ImportPostmortem timezone={timezone} onImport={(incident: Incident) => push(importIncident(view, incident))} />
            <button type="button" onClick={() => push(enterKiosk(view))}>
              Kiosk
            </button>
          </div>
        </div>
      )}
    </header>
  );
}

import { useMemo } from 'react';
import { CrosshairProvider, PanelErrorBoundary } from '../panels';
import { DashboardPanel, type PanelOverlay, type PanelViewOptions } from './DashboardPanel';
import type { Dashboard } from './schema';
import { resolveVariables, type VariableValues } from './variables';

/** A dashboard's panels; the time range comes from the enclosing TimeRangeProvider. */
interface Props extends PanelOverlay {
  readonly dashboard: Dashboard;
  /** Focused panel id: that panel alone, full size. */
  readonly focusedPanel?: string;
  /** The panel whose Inspect view is open (from the URL). */
  readonly inspectedPanel?: string;
  readonly onInspect?: PanelViewOptions['onInspect'];
  readonly overrides?: Readonly<Record<string, readonly string[]>>;
  readonly hidden?: Readonly<Record<string, readonly string[]>>;
  readonly onOverride?: PanelViewOptions['onOverride'];
  readonly onToggleSeries?: PanelViewOptions['onToggleSeries'];
  readonly onIsolateSeries?: PanelViewOptions['onIsolateSeries'];
  readonly onFocus?: PanelViewOptions['onFocus'];
  readonly onZoom?: PanelViewOptions['onZoom'];
  readonly onZoomOut?: PanelViewOptions['onZoomOut'];
  readonly kiosk?: boolean;
  /** Chart height of each panel in CSS px, or 'fill' to share the screen (kiosk). */
  readonly panelHeight?: number | 'fill';
  readonly variables?: VariableValues;
  /** "Compare to": every panel also draws its queries this many ms earlier. */
  readonly compareShiftMs?: number;
}

const NO_HIDDEN: ReadonlySet<string> = new Set();
const noop = () => {};

export function DashboardView({ dashboard, focusedPanel, inspectedPanel, onInspect = noop, overrides = {}, hidden = {}, kiosk = false, panelHeight = 260, variables, compareShiftMs, onOverride = noop, onToggleSeries = noop, onIsolateSeries = noop, onFocus = noop, onZoom = noop, onZoomOut = noop, ...overlay }: Props) {
  // Without selections (e.g. an embedded view), every variable takes its default, usually All.
  const values = useMemo(() => variables ?? resolveVariables(dashboard.variables, {}, {}).values, [variables, dashboard.variables]);
  const hiddenSets = useMemo(() => new Map(Object.entries(hidden).map(([id, names]) => [id, new Set(names)])), [hidden]);
  const panels = focusedPanel ? dashboard.panels.filter((p) => p.id === focusedPanel) : dashboard.panels;
  return (
    <main className={`dashboard${kiosk ? ' kiosk-grid' : ''}${focusedPanel ? ' focused' : ''}`} aria-label={dashboard.title}>
      {/* One cursor for every panel: hovering one marks the same time, with its values, on all. */}
      <CrosshairProvider>
        {panels.map((spec) => (
          <PanelErrorBoundary key={spec.id} title={spec.title}>
            {/* One case per panel type of the schema's union; a new type without its case fails to compile. */}
            {spec.type === 'timeseries' ? (
              <DashboardPanel
                spec={spec}
                windows={overlay.windows}
                markers={overlay.markers}
                selectedMarkerKey={overlay.selectedMarkerKey}
                onSelectMarker={overlay.onSelectMarker}
                overrides={overrides[spec.id]}
                hidden={hiddenSets.get(spec.id) ?? NO_HIDDEN}
                focused={focusedPanel === spec.id}
                inspecting={inspectedPanel === spec.id}
                onInspect={onInspect}
                height={focusedPanel && panelHeight !== 'fill' ? Math.max(panelHeight, 520) : panelHeight}
                onOverride={onOverride}
                onToggleSeries={onToggleSeries}
                onIsolateSeries={onIsolateSeries}
                onFocus={onFocus}
                onZoom={onZoom}
                onZoomOut={onZoomOut}
                readOnly={kiosk}
                variables={values}
                compareShiftMs={compareShiftMs}
              />
            ) : (
              unknownPanelType(spec.type)
            )}
          </PanelErrorBoundary>
        ))}
      </CrosshairProvider>
    </main>
  );
}

function unknownPanelType(type: never): never {
  throw new Error(`No panel component for type "${String(type)}"`);
}

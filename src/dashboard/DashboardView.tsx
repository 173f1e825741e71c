import type { EventMarker, IncidentWindow } from '../panels';
import { PanelErrorBoundary } from '../panels';
import { DashboardPanel } from './DashboardPanel';
import type { Dashboard } from './schema';

interface Props {
  readonly dashboard: Dashboard;
  readonly start: number;
  readonly end: number;
  readonly timezone: string;
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly onSelectMarker: (key: string) => void;
}

export function DashboardView({ dashboard, ...shared }: Props) {
  return (
    <main className="dashboard" aria-label={dashboard.title}>
      {dashboard.panels.map((spec) => (
        <PanelErrorBoundary key={spec.id} title={spec.title}>
          <DashboardPanel spec={spec} {...shared} />
        </PanelErrorBoundary>
      ))}
    </main>
  );
}

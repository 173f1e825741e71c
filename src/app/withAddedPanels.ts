import type { Dashboard, PanelSpec } from '../dashboard';
import type { AddedPanel } from '../url';

/** A panel added from Explore as the dashboard schema has it: one query, plain numbers, no thresholds. */
export function addedPanelSpec(panel: AddedPanel): PanelSpec {
  return { type: 'timeseries', id: panel.id, title: panel.title, unit: 'short', queries: [{ expr: panel.expr }], thresholds: [] };
}

/** The dashboard with the view's added panels after its own; the same object when there are none. */
export function withAddedPanels(dashboard: Dashboard, added: readonly AddedPanel[]): Dashboard {
  if (added.length === 0) return dashboard;
  const own = new Set(dashboard.panels.map((p) => p.id));
  // The decoder keeps ids apart already; this guards a state built elsewhere, since ids key the panels.
  const extra = added.filter((p) => !own.has(p.id)).map(addedPanelSpec);
  return { ...dashboard, panels: [...dashboard.panels, ...extra] };
}

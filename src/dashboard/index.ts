export { parseDashboard, dashboardSchema } from './schema';
export type { Dashboard, PanelSpec, PanelQuery } from './schema';
export { DashboardView } from './DashboardView';
export { PromClientProvider, usePromClient } from './promClientContext';

import { formatZodError } from '../schema/formatZodError';
import type { Issues } from '../schema/check';
import { checkDashboard } from './check';
import { migrateDashboard } from './migrate';
import type { Dashboard } from './schema';

export class DashboardError extends Error {
  override readonly name = 'DashboardError';
}

/**
 * Reads a dashboard file of any version: migrates it to the current one, then validates it. The
 * error names the file (`source`) and the field at fault.
 */
export function parseDashboard(raw: unknown, source: string): Dashboard {
  const issues: Issues = [];
  const dashboard = checkDashboard(migrateDashboard(raw), issues);
  if (issues.length === 0) return dashboard;
  throw new DashboardError(`Dashboard ${source}: ${formatZodError({ issues })}`);
}

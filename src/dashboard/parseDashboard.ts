import { formatZodError } from '../schema';
import { migrateDashboard } from './migrate';
import { dashboardSchema, type Dashboard } from './schema';

export class DashboardError extends Error {
  override readonly name = 'DashboardError';
}

/**
 * Reads a dashboard file of any version: migrates it to the current one, then validates it. The
 * error names the file (`source`) and the field at fault.
 */
export function parseDashboard(raw: unknown, source: string): Dashboard {
  const result = dashboardSchema.safeParse(migrateDashboard(raw));
  if (result.success) return result.data;
  throw new DashboardError(`Dashboard ${source}: ${formatZodError(result.error)}`);
}

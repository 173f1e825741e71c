import type { Dashboard } from '../dashboard';
import type { VigilConfig } from './config';
import { loadConfig, loadDashboard, loadIncident, type LoadedIncident } from './loaders';

export interface BootData {
  readonly config: VigilConfig;
  readonly dashboards: readonly Dashboard[];
  readonly incidents: readonly LoadedIncident[];
}

// The postmortems name no timezone; their wall-clock times are read as UTC (the page says so).
export const INCIDENT_TIMEZONE = 'UTC';

/**
 * Everything the first render needs, loaded before it: the URL can then be checked against the
 * real dashboards and incidents at once, and no default view flashes before the linked one.
 * A bad dashboard stops start-up with its message; an unreadable incident only becomes a notice.
 */
export async function loadBootData(signal?: AbortSignal): Promise<BootData> {
  const config = await loadConfig(signal);
  const [dashboards, incidents] = await Promise.all([
    Promise.all(config.dashboards.map((path) => loadDashboard(path, signal))),
    Promise.all(
      config.incidents.map((path) =>
        loadIncident(path, INCIDENT_TIMEZONE, signal).catch(
          (error: unknown): LoadedIncident => ({ source: path, result: { ok: false, error: error instanceof Error ? error.message : String(error) } }),
        ),
      ),
    ),
  ]);
  return { config, dashboards, incidents: withUniqueIds(incidents) };
}

/**
 * One catalog incident per id: the id is how a link names it (`incident=<id>`) and keys its markers.
 * A later entry with an id already taken (a postmortem text and an incident file of the same name)
 * becomes a problem the page shows, not a second incident answering to the same name.
 */
export function withUniqueIds(loaded: readonly LoadedIncident[]): LoadedIncident[] {
  const firstSource = new Map<string, string>();
  return loaded.map((entry) => {
    if (!entry.result.ok) return entry;
    const id = entry.result.incident.id;
    const taken = firstSource.get(id);
    if (taken === undefined) {
      firstSource.set(id, entry.source);
      return entry;
    }
    return { source: entry.source, result: { ok: false, error: `its id "${id}" is already the id of ${taken}` } };
  });
}

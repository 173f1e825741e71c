import { parseConfig, type VigilConfig } from './config';
import { parseDashboard, type Dashboard } from '../dashboard';
import type { Incident, PostmortemReading } from '../incidents';
import { readIncidentFileText } from '../incidents/incidentFile';

/**
 * Static files the app reads besides the Prometheus API: config, dashboards and incident documents.
 * They are relative to the page's base URL so vigil works under any path prefix.
 */
function assetUrl(path: string): string {
  if (/^https?:\/\//i.test(path) || path.startsWith('/')) return path;
  return `${import.meta.env.BASE_URL}${path}`;
}

async function fetchText(path: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    // Default mode and credentials (cors, same-origin), as index.html's <link rel=preload crossorigin>
    // of config.json: another mode would not take the preloaded answer and ask a second time.
    response = await fetch(assetUrl(path), { signal, cache: 'no-cache' });
  } catch {
    throw new Error(`Cannot load ${path}: the web server did not answer`);
  }
  if (!response.ok) throw new Error(`Cannot load ${path}: HTTP ${response.status}`);
  return response.text();
}

async function fetchJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const text = await fetchText(path, signal);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`Cannot load ${path}: not valid JSON`);
  }
}

export async function loadConfig(signal?: AbortSignal): Promise<VigilConfig> {
  return parseConfig(await fetchJson('config.json', signal));
}

export async function loadDashboard(path: string, signal?: AbortSignal): Promise<Dashboard> {
  return parseDashboard(await fetchJson(path, signal), path);
}

/** An incident of the catalog, with how it was read where it came from a postmortem text. */
export type LoadedIncidentResult =
  | { readonly ok: true; readonly incident: Incident; readonly reading?: PostmortemReading }
  | { readonly ok: false; readonly error: string };

export interface LoadedIncident {
  readonly source: string;
  readonly result: LoadedIncidentResult;
}

/** An incident file (docs/incident-file.md) by its `.json` name; anything else is a postmortem text. */
export function isIncidentFilePath(path: string): boolean {
  return /\.json$/i.test(path.replace(/[?#].*$/, ''));
}

/**
 * The postmortem reader is a chunk of its own, fetched beside the document (not after it): a
 * deployment whose catalog lists no postmortem never loads it.
 */
export async function loadIncident(path: string, timezone: string, signal?: AbortSignal): Promise<LoadedIncident> {
  if (isIncidentFilePath(path)) return { source: path, result: readIncidentFileText(await fetchText(path, signal)) };
  const [text, { parsePostmortem }] = await Promise.all([fetchText(path, signal), import('../incidents/parsePostmortem')]);
  const id = path.replace(/^.*\//, '').replace(/\.[a-z]+$/i, '');
  // Today is the reference date for a postmortem that writes no year (yearFromWeekday.ts).
  const now = new Date();
  const readOn = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  return { source: path, result: parsePostmortem(text, { id, timezone, readOn }) };
}

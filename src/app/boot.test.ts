import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBootData } from './boot';

const POSTMORTEM = 'incidents/2024-01-15-webapp-memory-leak.txt';
const DASHBOARD = readFileSync(resolve(process.cwd(), 'public/dashboards/incident.json'), 'utf8');
const SEED_TEXT = readFileSync(resolve(process.cwd(), 'public', POSTMORTEM), 'utf8');

const incidentFile = {
  schemaVersion: 1,
  id: 'db-failover',
  title: 'Database failover',
  timezone: 'UTC',
  start: '2024-01-15T11:00:00Z',
  events: [{ time: '2024-01-15T11:05:00Z', kind: 'detected', text: 'Primary stopped answering' }],
};

/** A web server holding these files under the app's base URL. */
function serve(files: Record<string, string>) {
  vi.stubGlobal('fetch', async (input: string) => {
    const path = String(input).replace(/^\//, '');
    const body = files[path];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  });
}

function site(incidents: Record<string, unknown>) {
  const files: Record<string, string> = {
    'config.json': JSON.stringify({ dashboards: ['dashboards/incident.json'], incidents: Object.keys(incidents) }),
    'dashboards/incident.json': DASHBOARD,
  };
  for (const [path, content] of Object.entries(incidents)) files[path] = typeof content === 'string' ? content : JSON.stringify(content);
  serve(files);
}

afterEach(() => vi.unstubAllGlobals());

describe('the incident catalog of config.json', () => {
  it('reads incident files and postmortem texts side by side', async () => {
    site({ 'incidents/db-failover.json': incidentFile, [POSTMORTEM]: SEED_TEXT });
    const { incidents } = await loadBootData();
    expect(incidents.map((l) => l.result.ok && l.result.incident.id)).toEqual(['db-failover', '2024-01-15-webapp-memory-leak']);
    const [file, text] = incidents;
    expect(file?.result.ok && file.result.incident.end).toBeUndefined();
    expect(file?.result.ok && file.result.reading).toBeUndefined();
    expect(text?.result.ok && text.result.reading).toBeDefined();
  });

  it('names the field at fault in an invalid incident file, and keeps the others', async () => {
    site({ 'incidents/bad.json': { ...incidentFile, start: 'yesterday' }, [POSTMORTEM]: SEED_TEXT });
    const { incidents } = await loadBootData();
    expect(incidents[0]?.result).toEqual({ ok: false, error: expect.stringContaining('field "start" must be an ISO 8601 time') as string });
    expect(incidents[1]?.result.ok).toBe(true);
  });

  it('refuses a second incident with an id already taken', async () => {
    site({ [POSTMORTEM]: SEED_TEXT, 'incidents/copy.json': { ...incidentFile, id: '2024-01-15-webapp-memory-leak' } });
    const { incidents } = await loadBootData();
    expect(incidents[0]?.result.ok).toBe(true);
    expect(incidents[1]?.result).toEqual({ ok: false, error: `its id "2024-01-15-webapp-memory-leak" is already the id of ${POSTMORTEM}` });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CURRENT_SCHEMA_VERSION } from './migrate';
import { parseDashboard } from './parseDashboard';
import type { Dashboard } from './schema';

/*
 * FROZEN FIXTURES — DO NOT EDIT THE FILES IN ./fixtures.
 *
 * Each file is a dashboard as someone may keep it in a repository, written in the version its name
 * starts with (`v0-` = from before `schemaVersion`), and below is what it must keep loading as. If a
 * change to the schema breaks one of them, the change is wrong (or needs a new schema version and a
 * migration for the old one), not the fixture. Adding fixtures is fine; changing or removing one
 * is not. Every version from 0 to the current one has at least one.
 */

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDirectory = resolve(here, 'fixtures');
const publicDashboards = resolve(here, '../../public/dashboards');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const INSTANCE_MATCH = 'instance=~"$instance"';

/** The dashboard vigil ships, as every version of its file must load. */
const INCIDENT: Dashboard = {
  schemaVersion: 1,
  id: 'webapp-incident',
  title: 'webapp — memory leak watch',
  defaultRange: { from: '1705309200000', to: '1705325400000' },
  variables: [{ name: 'instance', label: 'Instance', source: { labelValues: 'instance', match: 'up{job="webapp"}' }, multi: true, includeAll: true }],
  panels: [
    {
      type: 'timeseries',
      id: 'memory',
      title: 'Memory',
      unit: 'bytes',
      queries: [{ expr: `process_resident_memory_bytes{job="webapp",${INSTANCE_MATCH}}`, legend: '{{instance}}' }],
      thresholds: [{ value: 1610612736, label: 'alert threshold 1.5 GiB' }],
    },
    {
      type: 'timeseries',
      id: 'cache-size',
      title: 'Cache size',
      unit: 'bytes',
      queries: [{ expr: `webapp_cache_size_bytes{job="webapp",${INSTANCE_MATCH}}`, legend: '{{instance}}' }],
      thresholds: [],
    },
    {
      type: 'timeseries',
      id: 'error-rate',
      title: 'Error rate',
      unit: 'percent',
      queries: [
        {
          expr: `sum by (instance) (rate(http_requests_total{job="webapp",${INSTANCE_MATCH},code=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total{job="webapp",${INSTANCE_MATCH}}[5m])) * 100`,
          legend: '{{instance}}',
        },
        {
          expr: `sum(rate(http_requests_total{job="webapp",${INSTANCE_MATCH},code=~"5.."}[5m])) / sum(rate(http_requests_total{job="webapp",${INSTANCE_MATCH}}[5m])) * 100`,
          legend: 'all instances',
        },
      ],
      thresholds: [],
    },
  ],
};

const EXPECTED: Readonly<Record<string, Dashboard>> = {
  'v0-incident.json': INCIDENT,
  'v0-minimal.json': {
    schemaVersion: 1,
    id: 'node',
    title: 'Node',
    variables: [],
    panels: [{ type: 'timeseries', id: 'load', title: 'Load average', unit: 'short', queries: [{ expr: 'node_load1' }], thresholds: [] }],
  },
  'v1-incident.json': INCIDENT,
  'v1-every-field.json': {
    schemaVersion: 1,
    id: 'api-latency',
    title: 'API latency',
    defaultRange: { from: 'now-6h', to: 'now' },
    variables: [
      { name: 'job', label: 'Job', source: { values: ['api', 'worker'] }, multi: false, includeAll: false, default: ['api'] },
      { name: 'instance', source: { labelValues: 'instance', match: 'up{job="$job"}' }, multi: true, includeAll: true },
    ],
    panels: [
      {
        type: 'timeseries',
        id: 'p99',
        title: 'p99 latency',
        unit: 'seconds',
        queries: [
          {
            expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="$job",instance=~"$instance"}[$__rate_interval])))',
            legend: 'p99',
          },
        ],
        thresholds: [{ value: 0.5, label: 'SLO 500 ms' }],
      },
      {
        type: 'timeseries',
        id: 'requests',
        title: 'Requests',
        unit: 'reqps',
        queries: [{ expr: 'sum by (code) (rate(http_requests_total{job="$job"}[5m]))', legend: '{{code}}' }],
        thresholds: [],
      },
    ],
  },
};

const fixtureFiles = readdirSync(fixturesDirectory).filter((name) => name.endsWith('.json'));

function versionInName(name: string): number {
  const match = /^v(\d+)-/.exec(name);
  if (!match) throw new Error(`fixture ${name} does not start with its version, e.g. "v1-"`);
  return Number(match[1]);
}

describe('frozen dashboard fixtures', () => {
  it.each(fixtureFiles)('%s loads as it always has', (name) => {
    expect(Object.keys(EXPECTED)).toContain(name);
    expect(parseDashboard(readJson(resolve(fixturesDirectory, name)), name)).toEqual(EXPECTED[name]);
  });

  it.each(fixtureFiles)('%s is written in the version its name says', (name) => {
    const declared = (readJson(resolve(fixturesDirectory, name)) as { schemaVersion?: unknown }).schemaVersion;
    expect(declared ?? 0).toBe(versionInName(name));
  });

  it('guards every version from before versioning up to the current one', () => {
    const covered = new Set(fixtureFiles.map(versionInName));
    for (let version = 0; version <= CURRENT_SCHEMA_VERSION; version++) expect(covered).toContain(version);
    expect(fixtureFiles).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });
});

describe('the dashboards vigil ships', () => {
  it.each(readdirSync(publicDashboards).filter((name) => name.endsWith('.json')))('public/dashboards/%s is at the current version', (name) => {
    const raw = readJson(resolve(publicDashboards, name));
    expect(raw).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(parseDashboard(raw, name).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });
});

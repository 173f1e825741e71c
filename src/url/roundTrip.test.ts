import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import { parsePostmortem, type Incident, type IncidentEventKind, type TimezoneSource } from '../incidents';
import { resolveRange, resolveTimezone, type TimeRange } from '../time';
import { isCredentialKey } from './credentials';
import { decodeViewState } from './decode';
import { encodeViewState } from './encode';
import { loadFragmentCompressor } from './fragmentCompressor';
import { EMPTY_VIEW_STATE, type AddedPanel, type ViewState } from './viewState';

const NOW = Date.UTC(2024, 5, 1, 8, 30, 0);
const ZONES = ['UTC', 'browser', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];

function split(link: string): [search: string, hash: string] {
  const hashAt = link.indexOf('#');
  return hashAt === -1 ? [link, ''] : [link.slice(0, hashAt), link.slice(hashAt)];
}

function roundTrip(state: ViewState) {
  const [search, hash] = split(encodeViewState(state));
  return decodeViewState(search, hash, { now: NOW });
}

// Characters that break naive URL code, mixed with any Unicode code point.
const tricky = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('&', '=', '#', '%', '%2', '%zz', ':', '+', '?', '/', ' ', '\n', '"', '\\', ',', ';', '@', 'é', '😀', '\u0000', '-', 'a', 'Z', '9') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const anyText = fc.string({ unit: tricky, maxLength: 12 });
const someText = fc.string({ unit: tricky, minLength: 1, maxLength: 12 });

const durationUnit = fc.constantFrom('s', 'm', 'h', 'd', 'w');
const relative = fc.tuple(fc.integer({ min: 1, max: 90 }), durationUnit).map(([n, unit]) => `now-${n}${unit}`);
const rounding = fc.constantFrom('', '/d', '/h', '/w');
const instant = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const timeInput = fc.oneof(
  fc.tuple(relative, rounding).map(([offset, round]) => offset + round),
  fc.constant('now'),
  instant.map((date) => String(date.getTime())),
  instant.map((date) => date.toISOString()),
  // ISO without an offset: wall-clock time in the link's zone.
  instant.map((date) => date.toISOString().slice(0, 19)),
);
const range: fc.Arbitrary<TimeRange> = fc.record({ from: timeInput, to: timeInput });

const eventKind = fc.constantFrom<IncidentEventKind>(...INCIDENT_EVENT_KINDS);
const timezoneSource: fc.Arbitrary<TimezoneSource> = fc.oneof(
  fc.constant({ kind: 'assumed' } as const),
  fc.record({ kind: fc.constantFrom('stated', 'stated-offset'), written: fc.constantFrom('UTC', 'PST', '+05:30', 'Asia/Kolkata') }),
);
const epochMs = fc.integer({ min: 0, max: 4_102_444_800_000 });
const incident: fc.Arbitrary<Incident> = fc.record(
  {
    id: someText,
    title: anyText,
    severity: anyText,
    summary: anyText,
    impact: anyText,
    rootCause: anyText,
    start: epochMs,
    end: epochMs,
    events: fc.array(fc.record({ time: epochMs, text: anyText, kind: eventKind }), { maxLength: 4 }),
    timezone: fc.constantFrom('UTC', 'Europe/Berlin'),
    timezoneSource,
  },
  { requiredKeys: ['id', 'title', 'start', 'events', 'timezone'] },
);

const stringLists = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>, unique: boolean) =>
  fc.dictionary(key, unique ? fc.uniqueArray(value, { minLength: 1, maxLength: 4 }) : fc.array(value, { minLength: 1, maxLength: 4 }), {
    maxKeys: 4,
  });

const playlistItem = fc.oneof(fc.constantFrom('now-1h', 'now-24h', 'now-7d/d'), someText.filter((item) => !item.startsWith('now')));

const addedPanel: fc.Arbitrary<AddedPanel> = fc.record({
  id: fc.stringMatching(/^explore-[a-z0-9-]{1,8}$/),
  title: someText,
  expr: someText,
});

/** Any state the decoder accepts: valid parts only, so encode → decode must give it back. */
const viewState: fc.Arbitrary<ViewState> = fc
  .record(
    {
      dashboard: someText,
      range,
      timezone: fc.constantFrom(...ZONES),
      refresh: fc.integer({ min: 1000, max: 2 ** 31 - 1 }),
      vars: stringLists(someText.filter((name) => !isCredentialKey(`var-${name}`)), anyText, false),
      incidents: fc.uniqueArray(someText, { maxLength: 4 }),
      noIncidents: fc.constant(true),
      importedIncidents: fc.uniqueArray(incident, { selector: (i) => i.id, maxLength: 3 }),
      hidden: stringLists(someText.filter((panel) => !panel.includes(':')), anyText, true),
      event: someText,
      panel: someText,
      overrides: stringLists(someText, anyText, false),
      kiosk: fc.boolean(),
      compare: fc.constantFrom('1d' as const, '1w' as const),
      playlist: fc.record({ intervalMs: fc.integer({ min: 1000, max: 86_400_000 }), items: fc.array(playlistItem, { maxLength: 4 }) }),
      explore: fc.boolean(),
      exploreQueries: fc.array(anyText, { maxLength: 4 }),
      addedPanels: fc.uniqueArray(addedPanel, { selector: (p) => p.id, maxLength: 3 }),
      exploreHidden: stringLists(fc.constantFrom('1', '2', '3', '4'), someText, true),
      exploreCursor: fc.double({ min: 0, max: 1, noNaN: true }),
      inspect: fc.constant(true),
    },
    { requiredKeys: ['vars', 'incidents', 'importedIncidents', 'hidden', 'overrides', 'kiosk', 'explore', 'exploreQueries', 'addedPanels'] },
  )
  // "No incidents" is written only where the link chooses none.
  .map(({ noIncidents, ...state }) => (noIncidents && state.incidents.length === 0 ? { ...state, noIncidents } : state))
  .filter((state) => {
    if (!state.range) return true;
    const tz = state.timezone === undefined ? 'UTC' : resolveTimezone(state.timezone);
    return resolveRange(state.range, NOW, tz) !== null;
  })
  // Explore's hidden series name queries the link has, its cursor lies in the range (a fraction of
  // it, at a whole second), and the inspected panel is the focused one when a panel is focused.
  .map(({ exploreHidden, exploreCursor, inspect, ...state }): ViewState => {
    const out: ViewState = { ...state };
    const hidden = Object.entries(exploreHidden ?? {}).filter(([n]) => Number(n) <= state.exploreQueries.length);
    if (hidden.length > 0) out.exploreHidden = Object.fromEntries(hidden);
    const tz = state.timezone === undefined ? 'UTC' : resolveTimezone(state.timezone);
    const resolved = state.range && resolveRange(state.range, NOW, tz);
    if (exploreCursor !== undefined && resolved) {
      const at = Math.ceil((resolved.start + exploreCursor * (resolved.end - resolved.start)) / 1000) * 1000;
      if (at <= resolved.end) out.exploreCursor = at;
    }
    if (inspect && state.panel) out.inspect = state.panel;
    return out;
  });

describe('encodeViewState → decodeViewState', () => {
  it('gives back any valid state, with no notices', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const decoded = roundTrip(state);
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { numRuns: 400 },
    );
  }, 20_000);

  it('writes nothing for the empty state, so the plain page URL is the default view', () => {
    expect(encodeViewState(EMPTY_VIEW_STATE)).toBe('');
  });

  it('leaves defaults out and writes the version first', () => {
    const link = encodeViewState({ ...EMPTY_VIEW_STATE, dashboard: 'incident', kiosk: false, vars: { instance: [] }, hidden: { memory: [] } });
    expect(link).toBe('?v=1&d=incident');
  });

  it('keeps the readable form readable: times, hidden series and flags as people type them', () => {
    const link = encodeViewState({
      ...EMPTY_VIEW_STATE,
      range: { from: '2024-01-15T09:30:00Z', to: 'now' },
      timezone: 'America/New_York',
      refresh: 5_400_000,
      event: 'seed#3',
      hidden: { memory: ['web-2:9100'] },
      kiosk: true,
    });
    expect(link).toBe('?v=1&from=2024-01-15T09:30:00Z&to=now&tz=America/New_York&refresh=1h30m&event=seed%233&hide=memory:web-2:9100&kiosk');
  });

  it('puts overrides and imported incidents in the fragment only', () => {
    const [search, hash] = split(encodeViewState({ ...EMPTY_VIEW_STATE, overrides: { memory: ['up{job="secret-query-text"}'] } }));
    expect(search).toBe('?v=1');
    expect(hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
  });

  it('writes a lone surrogate in the query as U+FFFD instead of throwing; JSON keeps it exact', () => {
    const decoded = roundTrip({ ...EMPTY_VIEW_STATE, event: 'a\uD800b', overrides: { p: ['x\uDC00'] } });
    expect(decoded.state.event).toBe('a\uFFFDb');
    expect(decoded.state.overrides).toEqual({ p: ['x\uDC00'] });
  });
});

describe('link size', () => {
  // The compressor is fetched the first time a link needs it; until it has arrived (milliseconds)
  // links are written uncompressed and the address bar is rewritten after (fragmentCompressor.ts).
  beforeAll(() => loadFragmentCompressor());

  const investigation: ViewState = {
    ...EMPTY_VIEW_STATE,
    dashboard: 'incident',
    range: { from: '1705308300000', to: '1705321800000' },
    timezone: 'Europe/Berlin',
    refresh: 30_000,
    vars: { instance: ['web-1:9100', 'web-2:9100', 'web-3:9100'], job: ['node'], quantile: ['0.99'] },
    incidents: ['seed'],
    event: 'seed#3',
    panel: 'memory',
    hidden: { memory: ['{instance="web-1:9100", job="node"}', '{instance="web-3:9100", job="node"}'], cpu: ['web-1:9100'] },
    overrides: {
      memory: ['sum by (instance) (process_resident_memory_bytes{job="node", instance=~"web-.*"})', 'avg_over_time(go_memstats_heap_inuse_bytes{job="node"}[5m])'],
      latency: ['histogram_quantile(0.99, sum by (le, instance) (rate(http_request_duration_seconds_bucket{job="node"}[$__rate_interval])))'],
    },
  };

  it('keeps a typical investigation link under 2,000 characters', () => {
    const link = `https://vigil.example.com/${encodeViewState(investigation)}`;
    expect(link.length).toBeLessThan(2000);
    expect(roundTrip(investigation).state).toEqual(investigation);
  });

  it('compresses the fragment: repetitive queries cost far less than their text', () => {
    const query = 'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle", job="node"}[5m]))';
    const state = { ...EMPTY_VIEW_STATE, overrides: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((p) => [p, [query, query]])) };
    const rawLength = JSON.stringify(state.overrides).length;
    expect(encodeViewState(state).length).toBeLessThan(rawLength / 4);
  });

  it('keeps a link carrying the pasted seed postmortem under 2,000 characters', () => {
    const source = readFileSync(
      resolve(dirname(fileURLToPath(import.meta.url)), '../../public/incidents/2024-01-15-webapp-memory-leak.txt'),
      'utf8',
    );
    const parsed = parsePostmortem(source, { id: 'pasted-seed' });
    if (!parsed.ok) throw new Error(parsed.error);
    const state = { ...investigation, importedIncidents: [parsed.incident] };
    expect(JSON.stringify(parsed.incident).length).toBeGreaterThan(1000);
    expect(`https://vigil.example.com/${encodeViewState(state)}`.length).toBeLessThan(2000);
    expect(roundTrip(state).state).toEqual(state);
  });
});

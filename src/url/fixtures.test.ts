import { decodeViewState } from './decode';
import { EMPTY_VIEW_STATE, type DecodeContext, type ViewState } from './viewState';

/*
 * FROZEN FIXTURES — DO NOT EDIT THE `url` STRINGS.
 *
 * Each string is a link as someone may have pasted it into a ticket, a chat or a postmortem, with the
 * state it must keep opening to. If a change to the decoder breaks one of them, the change is wrong
 * (or needs a new format version and a decoder for the old one), not the fixture. Adding fixtures
 * is fine; changing or removing one is not.
 */

interface Fixture {
  readonly url: string;
  readonly state: ViewState;
  readonly notices?: readonly string[];
  readonly context?: Partial<DecodeContext>;
}

const NOW = Date.UTC(2024, 0, 15, 12, 0, 0);

const V1_FIXTURES: readonly Fixture[] = [
  { url: '', state: EMPTY_VIEW_STATE },
  { url: '?v=1', state: EMPTY_VIEW_STATE },
  {
    url: '?v=1&d=incident&from=now-6h&to=now',
    state: { ...EMPTY_VIEW_STATE, dashboard: 'incident', range: { from: 'now-6h', to: 'now' } },
  },
  {
    url: '?v=1&d=incident&from=2024-01-15T09:30:00Z&to=2024-01-15T13:00:00Z&tz=Europe/Berlin&refresh=1m30s',
    state: {
      ...EMPTY_VIEW_STATE,
      dashboard: 'incident',
      range: { from: '2024-01-15T09:30:00Z', to: '2024-01-15T13:00:00Z' },
      timezone: 'Europe/Berlin',
      refresh: 90_000,
    },
  },
  {
    url: '?v=1&from=1705309200000&to=1705320000000&tz=UTC&var-instance=web-2&var-instance=web-3&var-job=node&incident=seed&event=seed%233&panel=memory&hide=memory:web-2&hide=memory:web-3:9100&hide=cpu:a%26b%3Dc&kiosk',
    state: {
      ...EMPTY_VIEW_STATE,
      range: { from: '1705309200000', to: '1705320000000' },
      timezone: 'UTC',
      vars: { instance: ['web-2', 'web-3'], job: ['node'] },
      incidents: ['seed'],
      event: 'seed#3',
      panel: 'memory',
      hidden: { memory: ['web-2', 'web-3:9100'], cpu: ['a&b=c'] },
      kiosk: true,
    },
  },
  {
    url: '?v=1&kiosk=1&tz=browser&playlist=5m&playlist-item=incident&playlist-item=now-1h&var-msg=h%C3%A9llo%20w%2Brld&var-empty=',
    state: {
      ...EMPTY_VIEW_STATE,
      kiosk: true,
      timezone: 'browser',
      playlist: { intervalMs: 300_000, items: ['incident', 'now-1h'] },
      vars: { msg: ['héllo w+rld'], empty: [''] },
    },
  },
  {
    url: '?v=1&d=incident&from=1705309200000&to=1705320000000#z=ZZDdSsNAEIVfZRgQWojQVutPwIui3gle-HdhS0iyU1m72S0702IMeXdnG1HE3bszc75zmA4D5h021ITYYv6KvGugamFkPUvpaxrDaBtDTcxFJLaGvBTDdlG1Qty9h-pqiT4YWmI_xlWfoVVQh9ZgjtuShczxFDMUK45UurG8gfXOOQgeTHWYMe0pWtEG-HD7PEuKlFEwn55P5ifT2cUkvQzJK3TQzk6_NbENfQaf0E-P12pVlhc-dEizfxChDyXjwlEUWNtIJgeTSl3Oj9S-sSkEDQnV2h377C_nN3jg3DsDL4s7YHprUjBEPc9ejT8oPVxwSelX-r8A',
    state: {
      ...EMPTY_VIEW_STATE,
      dashboard: 'incident',
      range: { from: '1705309200000', to: '1705320000000' },
      overrides: { memory: ['sum by (instance) (process_resident_memory_bytes{job="node"})'] },
      importedIncidents: [
        {
          id: 'pasted-1',
          title: 'Disk full on db-1',
          severity: 'SEV2',
          start: 1705312800000,
          end: 1705316400000,
          timezone: 'UTC',
          events: [
            { time: 1705312800000, text: 'Alert fired: disk 95%', kind: 'detected' },
            { time: 1705316400000, text: 'Old WAL segments removed', kind: 'resolved' },
          ],
        },
      ],
    },
  },
  {
    url: '?v=1&panel=cpu&d=incident',
    context: { knownPanels: ['memory'], knownDashboards: ['incident'] },
    state: { ...EMPTY_VIEW_STATE, dashboard: 'incident' },
    notices: ['Ignored "panel": "cpu" is not a panel of this dashboard'],
  },
];

// Version 0: links from before the `v` key, with `start`/`end`, `timezone` and Grafana's `viewPanel`.
const V0_FIXTURES: readonly Fixture[] = [
  {
    url: '?d=incident&start=now-6h&end=now&timezone=UTC&viewPanel=memory',
    state: { ...EMPTY_VIEW_STATE, dashboard: 'incident', range: { from: 'now-6h', to: 'now' }, timezone: 'UTC', panel: 'memory' },
  },
  {
    url: '?start=1705309200000&end=1705320000000&timezone=America/New_York&var-instance=web-2&incident=seed&hide=memory:web-2&kiosk=true&refresh=30s',
    state: {
      ...EMPTY_VIEW_STATE,
      range: { from: '1705309200000', to: '1705320000000' },
      timezone: 'America/New_York',
      vars: { instance: ['web-2'] },
      incidents: ['seed'],
      hidden: { memory: ['web-2'] },
      kiosk: true,
      refresh: 30_000,
    },
  },
  {
    url: '?start=2024-01-15T10:00:00&end=2024-01-15T12:30:00&viewPanel=cpu',
    state: { ...EMPTY_VIEW_STATE, range: { from: '2024-01-15T10:00:00', to: '2024-01-15T12:30:00' }, panel: 'cpu' },
  },
  {
    url: '?start=now-1h&end=now&from=now-2h&to=now',
    state: { ...EMPTY_VIEW_STATE, range: { from: 'now-2h', to: 'now' } },
    notices: ['Ignored "start": "from" is given too', 'Ignored "end": "to" is given too'],
  },
];

describe.each([
  ['v1', V1_FIXTURES],
  ['v0 (legacy, no "v" key)', V0_FIXTURES],
])('frozen %s links', (_version, fixtures) => {
  it.each(fixtures.map((fixture) => [fixture.url, fixture] as const))('%s', (url, fixture) => {
    const hashAt = url.indexOf('#');
    const search = hashAt === -1 ? url : url.slice(0, hashAt);
    const hash = hashAt === -1 ? '' : url.slice(hashAt);
    const decoded = decodeViewState(search, hash, { now: NOW, ...fixture.context });
    expect(decoded.state).toEqual(fixture.state);
    expect(decoded.notices).toEqual(fixture.notices ?? []);
  });
});

it('reads legacy names only in links without a version', () => {
  const decoded = decodeViewState('?v=1&start=now-6h&end=now&viewPanel=memory&timezone=UTC', '', { now: NOW });
  expect(decoded.state).toEqual(EMPTY_VIEW_STATE);
  expect(decoded.notices).toEqual([]);
});

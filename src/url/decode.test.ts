import fc from 'fast-check';
import { decodeViewState } from './decode';
import { encodeFragment } from './fragment';
import { EMPTY_VIEW_STATE, type DecodeContext, type ViewState } from './viewState';

const NOW = Date.UTC(2024, 0, 15, 12, 0, 0);
const context: DecodeContext = { now: NOW };

function decode(search: string, hash = '', extra: Partial<DecodeContext> = {}) {
  return decodeViewState(search, hash, { ...context, ...extra });
}

describe('decodeViewState notices: each bad value falls back to its default and is named', () => {
  const cases: readonly [search: string, expected: Partial<ViewState>, notices: readonly string[], extra?: Partial<DecodeContext>][] = [
    ['?v=1&from=yesterday-ish&to=now', {}, ['Ignored "from": "yesterday-ish" is not a time', 'Ignored "to": "now" is unusable without "from"']],
    ['?v=1&from=now-6h&to=soon', {}, ['Ignored "to": "soon" is not a time', 'Ignored "from": "now-6h" is unusable without "to"']],
    ['?v=1&from=2024-02-30T00:00:00Z&to=now', {}, ['Ignored "from": "2024-02-30T00:00:00Z" is not a time', 'Ignored "to": "now" is unusable without "from"']],
    ['?v=1&from=now&to=now-6h', {}, ['Ignored "from" and "to": "now" is not before "now-6h"']],
    ['?v=1&from=1705320000000&to=1705320000000', {}, ['Ignored "from" and "to": "1705320000000" is not before "1705320000000"']],
    ['?v=1&to=now', {}, ['Ignored "to": "now" has no "from" to go with it']],
    ['?v=1&from=now-6h', { range: { from: 'now-6h', to: 'now' } }, []],
    ['?v=1&tz=Mars/Olympus_Mons', {}, ['Ignored "tz": "Mars/Olympus_Mons" is not a time zone']],
    ['?v=1&refresh=often', {}, ['Ignored "refresh": "often" is not a duration like 30s, 1m or 1h30m']],
    ['?v=1&refresh=500ms', {}, ['Ignored "refresh": "500ms" is shorter than 1s']],
    ['?v=1&refresh=0', {}, ['Ignored "refresh": "0" is shorter than 1s']],
    ['?v=1&refresh=off', {}, []],
    // issue 14, row 1: a time beyond what a Date can show blanked the page
    ['?v=1&from=now-280000y&to=now', {}, ['Ignored "from": "now-280000y" is outside the years 0001–9999', 'Ignored "to": "now" is unusable without "from"']],
    // issue 14, row 2: a timer cannot wait longer than 2^31−1 ms; beyond, it fired at once
    ['?v=1&refresh=25d', {}, ['Ignored "refresh": "25d" is longer than 24d, the longest interval a browser timer can wait']],
    ['?v=1&refresh=24d', { refresh: 24 * 86_400_000 }, []],
    [
      '?v=1&playlist=25d&playlist-item=now-1h',
      {},
      ['Ignored "playlist": "25d" is longer than 24d, the longest interval a browser timer can wait', 'Ignored "playlist-item": there is no valid "playlist" interval'],
    ],
    ['?v=1&refresh=1m&refresh=5m', { refresh: 60_000 }, ['Ignored repeated "refresh": only the first is used']],
    ['?v=1&kiosk=maybe', {}, ['Ignored "kiosk": "maybe" is not true or false']],
    ['?v=1&kiosk=0', {}, []],
    ['?v=1&kiosk=false', {}, []],
    ['?v=1&kiosk=TRUE', { kiosk: true }, []],
    ['?v=1&d=', {}, ['Ignored "d": it is empty']],
    ['?v=1&d=nope', {}, ['Ignored "d": "nope" is not a known dashboard'], { knownDashboards: ['incident'] }],
    ['?v=1&d=nope', { dashboard: 'nope' }, []],
    ['?v=1&panel=cpu', {}, ['Ignored "panel": "cpu" is not a panel of this dashboard'], { knownPanels: ['memory'] }],
    ['?viewPanel=cpu', {}, ['Ignored "viewPanel": "cpu" is not a panel of this dashboard'], { knownPanels: ['memory'] }],
    ['?v=1&event=', {}, ['Ignored "event": it is empty']],
    ['?v=1&var-=x', {}, ['Ignored "var-": a variable needs a name']],
    ['?v=1&incident=', {}, ['Ignored "incident": it is empty']],
    ['?v=1&incident=other&incident=seed', { incidents: ['seed'] }, ['Ignored "incident": "other" is not a known incident'], { knownIncidents: ['seed'] }],
    ['?v=1&incident=seed&incident=seed', { incidents: ['seed'] }, []],
    ['?v=1&hide=memory', {}, ['Ignored "hide": "memory" is not <panel>:<series name>']],
    ['?v=1&hide=:web-2', {}, ['Ignored "hide": ":web-2" is not <panel>:<series name>']],
    ['?v=1&hide=cpu:web-2&hide=memory:web-2', { hidden: { memory: ['web-2'] } }, ['Ignored "hide": "cpu:web-2" names "cpu", not a panel of this dashboard'], { knownPanels: ['memory'] }],
    ['?v=1&playlist=fast&playlist-item=incident', {}, ['Ignored "playlist": "fast" is not a duration like 30s, 1m or 1h30m', 'Ignored "playlist-item": there is no valid "playlist" interval']],
    ['?v=1&playlist-item=incident', {}, ['Ignored "playlist-item": there is no valid "playlist" interval']],
    [
      '?v=1&playlist=1m&playlist-item=incident&playlist-item=now-soon&playlist-item=gone&playlist-item=',
      { playlist: { intervalMs: 60_000, items: ['incident'] } },
      ['Ignored "playlist-item": "now-soon" is not a time', 'Ignored "playlist-item": "gone" is not a known dashboard', 'Ignored "playlist-item": it is empty'],
      { knownDashboards: ['incident'] },
    ],
    ['?v=abc&d=incident', { dashboard: 'incident' }, ['Ignored "v": "abc" is not a format version; read as the current one']],
    ['?v=2&d=incident&brand-new-key=1', { dashboard: 'incident' }, ['This link uses URL format v2, newer than this vigil reads (v1); parts of it may be ignored']],
    ['?start=now-1h&from=now-2h&to=now', { range: { from: 'now-2h', to: 'now' } }, ['Ignored "start": "from" is given too']],
    ['?v=1&utm_source=chat&foo=bar&start=now-1h', {}, []],
    // Explore's investigation: hidden series of its queries, the cursor's time, and Inspect.
    ['?v=1&q=up&q-hide=1:up{job="a:b"}', { exploreQueries: ['up'], exploreHidden: { '1': ['up{job="a:b"}'] } }, []],
    ['?v=1&q=up&q-hide=2:x&q-hide=x&q-hide=1:', { exploreQueries: ['up'] }, ['Ignored "q-hide": "2:x" names query 2, but the link has 1', 'Ignored "q-hide": "x" is not <query number>:<series name>', 'Ignored "q-hide": "1:" is not <query number>:<series name>']],
    ['?v=1&q-hide=1:x', {}, ['Ignored "q-hide": "1:x" names a query, but the link has none']],
    ['?v=1&from=1705320000000&to=1705327200000&cursor=1705323600000', { range: { from: '1705320000000', to: '1705327200000' }, exploreCursor: 1705323600000 }, []],
    ['?v=1&cursor=2024-01-15T12:00:00Z', { exploreCursor: Date.UTC(2024, 0, 15, 12) }, []],
    ['?v=1&from=1705320000000&to=1705327200000&cursor=1705330000000', { range: { from: '1705320000000', to: '1705327200000' } }, ['Ignored "cursor": "1705330000000" is outside the range of the link']],
    ['?v=1&cursor=soon', {}, ['Ignored "cursor": "soon" is not a time']],
    ['?v=1&cursor=999999999999999999', {}, ['Ignored "cursor": "999999999999999999" is outside the years 0001–9999']],
    ['?v=1&inspect=memory', { inspect: 'memory' }, [], { knownPanels: ['memory'] }],
    ['?v=1&inspect=cpu', {}, ['Ignored "inspect": "cpu" is not a panel of this dashboard'], { knownPanels: ['memory'] }],
    ['?v=1&panel=memory&inspect=cache', { panel: 'memory' }, ['Ignored "inspect": "cache" is not the panel the link shows ("memory")']],
  ];

  it.each(cases)('%s', (search, expected, notices, extra) => {
    const decoded = decode(search, '', extra);
    expect(decoded.state).toEqual({ ...EMPTY_VIEW_STATE, ...expected });
    expect(decoded.notices).toEqual(notices);
  });

  it('cuts long values short in a notice', () => {
    const [notice] = decode(`?v=1&tz=${'x'.repeat(500)}`).notices;
    expect(notice).toBe(`Ignored "tz": "${'x'.repeat(79)}…" is not a time zone`);
  });

  it('checks an ISO time without offset in the link\'s zone', () => {
    // 10:00 in Kolkata is 04:30 UTC, before 05:00 UTC; read as UTC it would not be.
    const decoded = decode('?v=1&tz=Asia/Kolkata&from=2024-01-15T10:00:00&to=2024-01-15T05:00:00Z');
    expect(decoded.state.range).toEqual({ from: '2024-01-15T10:00:00', to: '2024-01-15T05:00:00Z' });
    expect(decoded.notices).toEqual([]);
    expect(decode('?v=1&tz=UTC&from=2024-01-15T10:00:00&to=2024-01-15T05:00:00Z').state.range).toBeUndefined();
  });

  it('validates relative times against the "now" it is given', () => {
    const search = '?v=1&from=1705312800000&to=now';
    expect(decode(search).state.range).toEqual({ from: '1705312800000', to: 'now' });
    expect(decode(search, '', { now: 1705312800000 - 1 }).notices).toEqual([
      'Ignored "from" and "to": "1705312800000" is not before "now"',
    ]);
  });
});

describe('decodeViewState fragment', () => {
  const incident = { id: 'pasted', title: 'Disk full', start: 1, end: 2, events: [], timezone: 'UTC' };

  it.each([
    ['#z=not base64!', 'Ignored the link\'s fragment "#z=…": it is not base64url'],
    ['#z=A', 'Ignored the link\'s fragment "#z=…": it is not base64url'],
    ['#z=AAAA', 'Ignored the link\'s fragment "#z=…": it is not deflate-compressed data (or too large)'],
    ['#z=', 'Ignored the link\'s fragment "#z=…": it is empty'],
  ])('%s', (hash, notice) => {
    const decoded = decode('?v=1&d=incident', hash);
    expect(decoded.state).toEqual({ ...EMPTY_VIEW_STATE, dashboard: 'incident' });
    expect(decoded.notices).toEqual([notice]);
  });

  // Issue 14, row 8: a linked incident must not pose as the site's own, nor collide with another.
  it('keeps one incident per id: none with a catalog id, none twice', () => {
    const twin = { ...incident, title: 'Disk full again' };
    const impostor = { ...incident, id: 'seed', title: 'Everything is fine' };
    const decoded = decode('?v=1', `#z=${encodeFragment({ i: [incident, twin, impostor] })}`, { knownIncidents: ['seed'] });
    expect(decoded.state.importedIncidents).toEqual([incident]);
    expect(decoded.notices).toEqual([
      'Ignored the incident "pasted" from the link: it is in the link twice',
      'Ignored the incident "seed" from the link: it has the id of an incident of this site',
    ]);
  });

  it('keeps the query overrides when only the imported incidents are broken, and the other way round', () => {
    const badIncidents = encodeFragment({ o: { memory: ['up'] }, i: [{ ...incident, start: 'yesterday' }] as never });
    const decoded = decode('?v=1', `#z=${badIncidents}`);
    expect(decoded.state.overrides).toEqual({ memory: ['up'] });
    expect(decoded.state.importedIncidents).toEqual([]);
    expect(decoded.notices).toEqual(['Ignored the imported incidents in the link: field "0.start" Invalid input: expected number, received string']);

    const badOverrides = encodeFragment({ o: { memory: 'up' } as never, i: [incident] });
    const other = decode('?v=1', `#z=${badOverrides}`);
    expect(other.state.overrides).toEqual({});
    expect(other.state.importedIncidents).toEqual([incident]);
    expect(other.notices).toHaveLength(1);
    expect(other.notices[0]).toMatch(/^Ignored the query overrides in the link: field "memory" /);
  });

  it('drops overrides for panels the dashboard does not have', () => {
    const hash = `#z=${encodeFragment({ o: { memory: ['up'], cpu: ['1'] } })}`;
    const decoded = decode('?v=1', hash, { knownPanels: ['memory'] });
    expect(decoded.state.overrides).toEqual({ memory: ['up'] });
    expect(decoded.notices).toEqual(['Ignored the query overrides for "cpu": not a panel of this dashboard']);
  });

  it('ignores other fragment keys silently, credential-like ones with a notice', () => {
    const decoded = decode('?v=1', '#section=2&access_token=ya29.SECRET');
    expect(decoded.state).toEqual(EMPTY_VIEW_STATE);
    expect(decoded.notices).toEqual(['Ignored "access_token": links never carry credentials']);
  });
});

// Issue 14, row 6: 60,000 `hide=` or `var-` values took 13.7 s to first render.
describe('decodeViewState caps the lists a link carries', () => {
  const many = (count: number, value: (n: number) => string) => Array.from({ length: count }, (_, n) => value(n)).join('&');

  it('keeps the first 1,000 values of a key and says how many more were dropped', () => {
    const decoded = decode(`?v=1&${many(60_000, (n) => `hide=memory:web-${n}`)}&${many(60_000, (n) => `var-instance=web-${n}`)}`);
    expect(decoded.state.hidden.memory).toHaveLength(1000);
    expect(decoded.state.hidden.memory?.[999]).toBe('web-999');
    expect(decoded.state.vars.instance).toHaveLength(1000);
    expect(decoded.notices).toEqual([
      'Ignored 59000 more "hide" values: a link holds at most 1000 of one key',
      'Ignored 59000 more "var-instance" values: a link holds at most 1000 of one key',
    ]);
  });

  it('keeps the first 200 different keys', () => {
    const decoded = decode(`?v=1&${many(60_000, (n) => `var-v${n}=x`)}`);
    expect(Object.keys(decoded.state.vars)).toHaveLength(199);
    expect(decoded.notices).toEqual(['Ignored the keys "var-v199", "var-v200", "var-v201" and 59798 more: a link holds at most 200 different keys']);
  });

  it('drops repeated values once, keeping their first order', () => {
    const decoded = decode(`?v=1&${many(900, (n) => `hide=memory:web-${n % 3}`)}&${many(900, (n) => `incident=i${n % 2}`)}`);
    expect(decoded.state.hidden).toEqual({ memory: ['web-0', 'web-1', 'web-2'] });
    expect(decoded.state.incidents).toEqual(['i0', 'i1']);
  });
});

describe('decodeViewState is total', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom('v=', 'v=1', 'v=0', 'v=99', 'from=', 'to=', 'tz=', 'refresh=', 'var-', 'hide=', 'kiosk', 'playlist=', 'playlist-item=', 'z=', 'now-', '%', '%E0%A4%A', '&', '=', '#', '?', ':'),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('never throws, whatever the search and hash', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: -1e15, max: 1e15 }), (search, hash, now) => {
        const decoded = decodeViewState(search, hash, { now, knownPanels: ['memory'] });
        expect(Array.isArray(decoded.notices)).toBe(true);
        expect(decoded.notices.every((notice) => !notice.startsWith('Ignored the whole link'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes in the fragment', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const hash = `#z=${Buffer.from(bytes).toString('base64url')}`;
        const decoded = decodeViewState('?v=1', hash, context);
        expect(decoded.notices.every((notice) => !notice.startsWith('Ignored the whole link'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

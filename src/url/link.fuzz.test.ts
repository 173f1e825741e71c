import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { expectWithin, FUZZ_RUNS } from '../../test/fuzzBudget';
import { isWithinTimeBounds, MAX_TIMER_DELAY_MS, resolveRange } from '../time';
import { toBase64Url } from './base64url';
import { decodeViewState } from './decode';
import { EXPLORE_LIMITS } from './explore';
import { decodeFragment, encodeFragment } from './fragment';
import { FRAGMENT_LIMITS } from './fragmentSchema';
import { LINK_LIMITS } from './queryParams';

const NOW = Date.UTC(2024, 0, 15, 12);
const context = { now: NOW, knownPanels: ['memory', 'cpu'], knownIncidents: ['seed'], knownDashboards: ['incident'] };

// Pieces of hostile links: huge numbers and durations, repeated keys, odd escapes.
const number = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String), fc.double().map(String), fc.constantFrom('0050', '9999', '10000', '1e309', 'NaN', '-0'));
const duration = fc.tuple(fc.nat({ max: 10 ** 9 }), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w', 'y', 'M')).map(([n, unit]) => `${n}${unit}`);
const time = fc.oneof(number, duration.map((d) => `now-${d}`), duration.map((d) => `now+${d}/d`), fc.constantFrom('0001-01-01T00:00:00Z', '0050-06-01T00:00:00Z', '9999-12-31T23:59:59Z', 'now'), fc.string());
const value = fc.oneof(time, fc.string(), fc.constantFrom('memory:web-1', 'cpu:', ':x', '__proto__', 'seed', '%', '%E0%A4%A'));
const key = fc.constantFrom('v', 'd', 'from', 'to', 'tz', 'refresh', 'incident', 'event', 'panel', 'hide', 'kiosk', 'playlist', 'playlist-item', 'var-instance', 'var-__proto__', 'start', 'end', 'token', 'x', 'explore', 'q');
const pair = fc.tuple(key, value).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
const search = fc.array(pair, { maxLength: 16 }).map((pairs) => `?${pairs.join('&')}`);
// One key repeated many times: where a quadratic decoder used to spend seconds.
const flood = fc.tuple(key, fc.integer({ min: 1000, max: 20_000 })).map(([k, count]) => `?${Array.from({ length: count }, (_, n) => `${k}=${n}`).join('&')}`);

describe('decodeViewState on hostile links', () => {
  it('never fails past its boundary, and keeps every number and list within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(search, flood), fc.string(), (query, hash) => {
        const { state, notices } = expectWithin(2_000, () => decodeViewState(query, hash, context));
        expect(notices.some((n) => n.startsWith('Ignored the whole link'))).toBe(false);
        if (state.range) {
          const resolved = resolveRange(state.range, NOW, 'UTC');
          if (resolved) expect(isWithinTimeBounds(resolved.start) && isWithinTimeBounds(resolved.end)).toBe(true);
        }
        if (state.refresh !== undefined) expect(state.refresh).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
        if (state.playlist) expect(state.playlist.intervalMs).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
        for (const list of [...Object.values(state.hidden), ...Object.values(state.vars), state.incidents]) {
          expect(list.length).toBeLessThanOrEqual(LINK_LIMITS.valuesPerKey);
        }
        expect(Object.keys(state.vars).length).toBeLessThanOrEqual(LINK_LIMITS.keys);
        expect(state.exploreQueries.length).toBeLessThanOrEqual(EXPLORE_LIMITS.queries);
        expect(state.exploreQueries.every((q) => q.length <= EXPLORE_LIMITS.queryChars)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // Each case is bounded (2 s above); the whole run takes 3.5 s idle and over 5 s on a busy 2-core machine.
  }, 30_000);
});

// JSON that looks like a fragment payload, with hostile members mixed in.
const incidentLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('seed', 'a', 'a', '__proto__'), fc.string()),
    title: fc.string(),
    start: fc.oneof(fc.double(), fc.integer()),
    end: fc.oneof(fc.double(), fc.constant(undefined)),
    events: fc.array(fc.record({ time: fc.double(), text: fc.string(), kind: fc.constantFrom('detected', 'resolved', 'exploded') }), { maxLength: 4 }),
    timezone: fc.string(),
  },
  { requiredKeys: [] },
);
const addedPanelLike = fc.record({ i: fc.oneof(fc.constantFrom('explore-1', 'memory', 'Bad Id', '__proto__'), fc.string()), t: fc.string(), e: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] });
const payload = fc.record(
  {
    o: fc.oneof(fc.dictionary(fc.string(), fc.array(fc.string())), fc.jsonValue()),
    i: fc.oneof(fc.array(incidentLike, { maxLength: 4 }), fc.jsonValue()),
    a: fc.oneof(fc.array(addedPanelLike, { maxLength: 30 }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('decodeFragment on hostile fragments', () => {
  it('never throws on any text, JSON or payload-like object, and keeps what it returns within the limits', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => toBase64Url(deflateSync(strToU8(JSON.stringify(v) ?? 'null')))),
      payload.map((p) => encodeFragment(p as never)),
    );
    fc.assert(
      fc.property(text, (fragment) => {
        const decoded = expectWithin(2_000, () => decodeFragment(fragment));
        expect(Array.isArray(decoded.notices)).toBe(true);
        for (const incident of decoded.importedIncidents ?? []) {
          expect(isWithinTimeBounds(incident.start)).toBe(true);
          expect(incident.events.every((e) => isWithinTimeBounds(e.time))).toBe(true);
        }
        expect((decoded.importedIncidents ?? []).length).toBeLessThanOrEqual(FRAGMENT_LIMITS.incidents);
        const added = decoded.addedPanels ?? [];
        expect(added.length).toBeLessThanOrEqual(EXPLORE_LIMITS.addedPanels);
        expect(new Set(added.map((p) => p.id)).size).toBe(added.length);
        expect(added.every((p) => /^[a-z0-9-]+$/.test(p.id) && p.title.length <= EXPLORE_LIMITS.titleChars && p.expr.length <= EXPLORE_LIMITS.queryChars)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

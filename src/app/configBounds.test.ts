import fc from 'fast-check';
import { expectWithin, FUZZ_RUNS } from '../../test/fuzzBudget';
import { ConfigError, incrementalPolicy, parseConfig, RESPONSE_BYTES_LIMITS } from './config';

const withDatasource = (datasource: Record<string, unknown>) => ({ datasource });

// Issue 14, row 4: "//other.host/prometheus" passed as a path, and Chromium sent the configured
// Authorization header to the other host.
describe('config: datasource.url', () => {
  it.each(['//other.host/prometheus', '/\\other.host', '/\t/other.host', '/\n/other.host', '\\\\other.host', 'http://other.host\\@good.host', 'http:/\\other.host'])(
    'refuses %j, which a browser reads as another host',
    (url) => {
      expect(() => parseConfig(withDatasource({ url }))).toThrow(ConfigError);
      expect(() => parseConfig(withDatasource({ url }))).toThrow(/datasource\.url/);
    },
  );

  it.each(['demo', '/prometheus', '/prometheus/', '/', 'http://prometheus.example:9090', 'https://example.com/prefix/prometheus'])('accepts %j', (url) => {
    expect(parseConfig(withDatasource({ url })).datasource.url).toBe(url);
  });
});

// Issue 14, row 9: a header value with a line break passed, then every request failed as
// "Cannot reach the Prometheus server".
describe('config: datasource.headers', () => {
  it.each([
    ['a line break in a value', { Authorization: 'Bearer abc\r\nX-Evil: 1' }],
    ['a NUL in a value', { 'X-Scope-OrgID': 'tenant\u0000' }],
    ['a character beyond Latin-1 in a value', { 'X-Team': 'café ☕' }],
    ['a space in a name', { 'X Scope': 'a' }],
    ['an empty name', { '': 'a' }],
  ])('refuses %s, naming the headers field', (_case, headers) => {
    expect(() => parseConfig(withDatasource({ url: '/prometheus', headers }))).toThrow(/datasource\.headers/);
  });

  it('accepts ordinary headers', () => {
    const headers = { Authorization: 'Bearer abc.def-ghi', 'X-Scope-OrgID': 'tenant-1', 'X-Team': 'café' };
    expect(parseConfig(withDatasource({ url: '/prometheus', headers })).datasource.headers).toEqual(headers);
  });
});

describe('config: datasource.maxResponseBytes', () => {
  it('defaults to 32 MiB and keeps a value inside the bounds', () => {
    expect(parseConfig({}).datasource.maxResponseBytes).toBe(32 * 1024 * 1024);
    expect(parseConfig(withDatasource({ maxResponseBytes: 1_000_000 })).datasource.maxResponseBytes).toBe(1_000_000);
  });

  it.each([RESPONSE_BYTES_LIMITS.min - 1, RESPONSE_BYTES_LIMITS.max + 1, 1.5e6 + 0.5, -1])('refuses %d', (maxResponseBytes) => {
    expect(() => parseConfig(withDatasource({ maxResponseBytes }))).toThrow(/datasource\.maxResponseBytes/);
  });
});

describe('parseConfig on arbitrary JSON', () => {
  it('returns a config or throws a ConfigError, nothing else', () => {
    const datasource = fc.record({ url: fc.oneof(fc.string(), fc.jsonValue()), headers: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.jsonValue()) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ datasource, dashboards: fc.jsonValue(), timezone: fc.jsonValue() }, { requiredKeys: [] })), (raw) => {
        try {
          const config = expectWithin(2_000, () => parseConfig(raw));
          expect(config.dashboards.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('config: datasource.incremental', () => {
  it.each([
    ['a negative overlap', { overlap: '-1m' }, /datasource\.incremental\.overlap/],
    ['an overlap over 1h', { overlap: '61m' }, /datasource\.incremental\.overlap/],
    ['a full refetch more often than every minute', { fullRefetchEvery: '30s' }, /datasource\.incremental\.fullRefetchEvery/],
    ['a full refetch rarer than daily', { fullRefetchEvery: '25h' }, /datasource\.incremental\.fullRefetchEvery/],
    ['a misspelt field', { overlapp: '2m' }, /datasource\.incremental/],
  ])('refuses %s, naming the field', (_case, incremental, message) => {
    expect(() => parseConfig(withDatasource({ url: '/prometheus', incremental }))).toThrow(message);
  });

  it('reads the policy, or none when turned off', () => {
    const on = parseConfig(withDatasource({ url: '/prometheus', incremental: { overlap: '10m', fullRefetchEvery: '1h' } }));
    expect(incrementalPolicy(on)).toEqual({ overlapMs: 600_000, fullEveryMs: 3_600_000 });
    expect(incrementalPolicy(parseConfig(withDatasource({ url: '/prometheus', incremental: { enabled: false } })))).toBeUndefined();
  });

  it('overlaps two scrape intervals by default, at least 30 s, so a scrape that ends a whole interval late is still corrected', () => {
    const overlapFor = (scrapeInterval: string) => incrementalPolicy(parseConfig(withDatasource({ url: '/prometheus', scrapeInterval })))?.overlapMs;
    expect(incrementalPolicy(parseConfig({}))).toEqual({ overlapMs: 30_000, fullEveryMs: 600_000 });
    expect(overlapFor('5s')).toBe(30_000);
    expect(overlapFor('1m')).toBe(120_000);
    expect(overlapFor('1h')).toBe(3_600_000);
    expect(incrementalPolicy(parseConfig(withDatasource({ url: '/prometheus', scrapeInterval: '1m', incremental: { overlap: '0s' } })))?.overlapMs).toBe(0);
  });
});

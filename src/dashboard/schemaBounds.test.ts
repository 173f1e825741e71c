import fc from 'fast-check';
import { expectWithin, FUZZ_RUNS } from '../../test/fuzzBudget';
import { parseDashboard } from './parseDashboard';
import { DASHBOARD_LIMITS } from './schema';

const panel = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id, unit: 'short', queries: [{ expr: 'up' }], ...extra });
const dashboard = (panels: unknown[]) => ({ id: 'd', title: 'D', panels });

describe('dashboard schema bounds', () => {
  // Issue 14, row 12: two panels with one id shared their URL state and their React key.
  it('refuses two panels with the same id, naming the second', () => {
    expect(() => parseDashboard(dashboard([panel('cpu'), panel('mem'), panel('cpu')]), 'd.json')).toThrow(/panels\.2\.id/);
  });

  it('reads maxSeries between 1 and 500', () => {
    expect(parseDashboard(dashboard([panel('cpu', { maxSeries: 5 })]), 'd.json').panels[0]?.maxSeries).toBe(5);
    expect(parseDashboard(dashboard([panel('cpu')]), 'd.json').panels[0]?.maxSeries).toBeUndefined();
    for (const maxSeries of [0, 1.5, DASHBOARD_LIMITS.maxSeries + 1, 'all']) {
      expect(() => parseDashboard(dashboard([panel('cpu', { maxSeries })]), 'd.json')).toThrow(/panels\.0\.maxSeries/);
    }
  });

  it('refuses more panels than a page holds', () => {
    const panels = Array.from({ length: DASHBOARD_LIMITS.panels + 1 }, (_, n) => panel(`p${n}`));
    expect(() => parseDashboard(dashboard(panels), 'd.json')).toThrow(/panels/);
  });
});

describe('parseDashboard on arbitrary JSON', () => {
  it('returns a dashboard or throws an Error naming the file, nothing else', () => {
    const somePanel = fc.record({ id: fc.oneof(fc.constantFrom('a', 'b'), fc.string()), title: fc.string(), unit: fc.constantFrom('short', 'bytes', 'x'), queries: fc.array(fc.record({ expr: fc.string() })), maxSeries: fc.jsonValue() }, { requiredKeys: [] });
    const raw = fc.oneof(fc.jsonValue(), fc.record({ id: fc.string(), title: fc.string(), panels: fc.array(somePanel, { maxLength: 4 }), variables: fc.jsonValue() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(raw, (value) => {
        try {
          const parsed = expectWithin(2_000, () => parseDashboard(value, 'fuzz.json'));
          expect(new Set(parsed.panels.map((p) => p.id)).size).toBe(parsed.panels.length);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toContain('fuzz.json');
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

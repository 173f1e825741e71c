import fc from 'fast-check';
import type { Labels } from '../series';
import { AGGREGATE_COLOR, styleLines } from './palette';

function line(labels: Labels, query = 0) {
  return { key: `${query}:${JSON.stringify(labels)}`, series: { labels, timestamps: [], values: [] } };
}

function colors(lines: ReturnType<typeof line>[]): Map<string, string> {
  return new Map(styleLines(lines).map((styled) => [styled.key, styled.color]));
}

const instances = fc.uniqueArray(fc.stringMatching(/^[a-z0-9.:-]{1,16}$/), { minLength: 1, maxLength: 12 });

describe('styleLines', () => {
  it('gives a series the same colour whatever the order the server answered in', () => {
    fc.assert(
      fc.property(instances, (names) => {
        const lines = names.map((instance) => line({ __name__: 'up', instance }));
        const reversed = colors([...lines].reverse());
        for (const [key, color] of colors(lines)) expect(reversed.get(key)).toBe(color);
      }),
    );
  });

  it('keeps a line its own colour when another instance disappears; only a line that had to give way may move', () => {
    fc.assert(
      // Past eight lines colours repeat, and a repeated colour is no line's own.
      fc.property(instances.filter((names) => names.length <= 8), fc.nat(), (names, pick) => {
        const lines = names.map((instance) => line({ instance, job: 'api' }));
        const before = colors(lines);
        const gone = lines[pick % lines.length];
        const after = colors(lines.filter((l) => l !== gone));
        for (const remaining of lines) {
          if (remaining === gone) continue;
          // Alone in a panel, a line has the colour its identity hashes to: its own colour.
          const own = colors([remaining]).get(remaining.key);
          if (before.get(remaining.key) === own) expect(after.get(remaining.key)).toBe(own);
        }
      }),
    );
  });

  it('draws the lines of one panel in different colours while the palette lasts', () => {
    fc.assert(
      fc.property(
        instances.filter((names) => names.length <= 8),
        (names) => {
          const styled = styleLines(names.map((instance) => line({ instance })));
          expect(new Set(styled.map((s) => s.color)).size).toBe(names.length);
        },
      ),
    );
  });

  it('gives an instance the same colour in panels of different metrics and queries when nothing competes for it', () => {
    const memory = colors(['web-1', 'web-2', 'web-3'].map((instance) => line({ __name__: 'memory', instance, job: 'webapp' })));
    const errors = colors([line({ instance: 'web-3' }, 1)]);
    expect(errors.get(`1:${JSON.stringify({ instance: 'web-3' })}`)).toBe(
      memory.get(`0:${JSON.stringify({ __name__: 'memory', instance: 'web-3', job: 'webapp' })}`),
    );
  });

  it('marks series without an instance label as aggregates; one with no labels at all is neutral', () => {
    const [perInstance, total, byCode] = styleLines([line({ instance: 'web-1' }), line({}, 1), line({ code: '500' }, 2)]);
    expect(perInstance).toMatchObject({ aggregate: false });
    expect(perInstance?.color).not.toBe(AGGREGATE_COLOR);
    expect(total).toMatchObject({ aggregate: true, color: AGGREGATE_COLOR });
    expect(byCode?.aggregate).toBe(true);
    expect(byCode?.color).not.toBe(AGGREGATE_COLOR);
  });

  it('keeps the metric name out of the identity, so `sum by (code)` of two metrics colours codes alike', () => {
    const a = styleLines([line({ __name__: 'a', code: '500' })]);
    const b = styleLines([line({ __name__: 'b', code: '500' })]);
    expect(a[0]?.color).toBe(b[0]?.color);
  });
});

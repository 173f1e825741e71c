import { formatSampleValue, instantTableContent, MAX_TABLE_ROWS } from './instantValues';

describe('formatSampleValue', () => {
  it.each([
    [1.5, '1.5'],
    [123456789012, '123456789012'],
    [-0.25, '-0.25'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('writes %s as %s', (value, text) => expect(formatSampleValue(value)).toBe(text));
});

describe('instantTableContent', () => {
  const sample = (i: number) => ({ labels: { __name__: 'up', instance: `web-${i}` }, timestamp: 0, value: i });

  it('lists at most MAX_TABLE_ROWS series and counts the rest', () => {
    const content = instantTableContent({ kind: 'vector', samples: Array.from({ length: MAX_TABLE_ROWS + 7 }, (_, i) => sample(i)), warnings: [] });
    expect(content).toMatchObject({ kind: 'rows', omitted: 7 });
    if (content.kind !== 'rows') throw new Error('rows expected');
    expect(content.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(content.rows[1]).toEqual({ name: 'up{instance="web-1"}', value: '1' });
  });

  it('says why an answer has no rows: none, a range vector, a scalar, a string', () => {
    expect(instantTableContent({ kind: 'vector', samples: [], warnings: [] })).toEqual({ kind: 'empty' });
    expect(instantTableContent({ kind: 'matrix', series: [], warnings: [] })).toEqual({ kind: 'range-vector' });
    expect(instantTableContent({ kind: 'scalar', timestamp: 0, value: Infinity, warnings: [] })).toEqual({ kind: 'scalar', value: '+Inf' });
    expect(instantTableContent({ kind: 'string', timestamp: 0, value: 'hi', warnings: [] })).toEqual({ kind: 'string', value: 'hi' });
  });
});

import { epochSecondsOf, formatSampleValue, instantTableContent, MAX_TABLE_ROWS } from './instantValues';

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

describe('epochSecondsOf', () => {
  it('reads Unix seconds from a query or metric about time, in full; byte counts of that size stay numbers', () => {
    expect(epochSecondsOf(1705325400.5, 'time()', undefined)).toBe(1705325400500);
    expect(epochSecondsOf(1705325400, 'max(x)', 'process_start_time_seconds')).toBe(1705325400000);
    expect(epochSecondsOf(1705325400, 'process_resident_memory_bytes', 'process_resident_memory_bytes')).toBeUndefined();
    expect(epochSecondsOf(42, 'time() - 1705325358', undefined)).toBeUndefined();
    expect(epochSecondsOf(Infinity, 'time()', undefined)).toBeUndefined();
  });

  it('marks the rows and the scalar of such answers, with the exact value kept', () => {
    const content = instantTableContent({ kind: 'vector', samples: [{ labels: { __name__: 'process_start_time_seconds', job: 'a' }, timestamp: 0, value: 1705325400.25 }], warnings: [] });
    expect(content).toEqual({ kind: 'rows', omitted: 0, rows: [{ name: 'process_start_time_seconds{job="a"}', value: '1705325400.25', epochMs: 1705325400250 }] });
    expect(instantTableContent({ kind: 'scalar', timestamp: 0, value: 1705325400, warnings: [] }, 'time()')).toEqual({ kind: 'scalar', value: '1705325400', epochMs: 1705325400000 });
  });
});

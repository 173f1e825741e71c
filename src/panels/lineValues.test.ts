import { formatLineValue, valueAxisLabels } from './lineValues';

const STARTED_S = 1705300000; // 2024-01-15 06:26:40 UTC

describe('formatLineValue', () => {
  it('reads a Unix timestamp line as dates in the view timezone; other lines and other numbers in the unit', () => {
    expect(formatLineValue(STARTED_S, 'short', true, 'UTC')).toBe('2024-01-15 06:26:40');
    expect(formatLineValue(STARTED_S, 'short', true, 'America/New_York')).toBe('2024-01-15 01:26:40');
    expect(formatLineValue(STARTED_S, 'short', false, 'UTC')).toBe('1.71B');
    expect(formatLineValue(STARTED_S, 'bytes', undefined, 'UTC')).toBe('1.59 GiB');
    // time() - x is a duration, not a time: a small number stays one.
    expect(formatLineValue(42, 'short', true, 'UTC')).toBe('42');
    expect(formatLineValue(NaN, 'short', true, 'UTC')).toBe('NaN');
  });
});

describe('valueAxisLabels', () => {
  const ticks = [STARTED_S, STARTED_S + 20, STARTED_S + 40];

  it('labels the ticks of Unix timestamps with dates in the view timezone', () => {
    expect(valueAxisLabels(ticks, 'short', true, 'Asia/Kolkata')).toEqual(['2024-01-15 11:56:40', '2024-01-15 11:57:00', '2024-01-15 11:57:20']);
  });

  it('keeps distinct numbers when the ticks are not all times, or dates would not tell them apart', () => {
    expect(valueAxisLabels(ticks, 'short', false, 'UTC')).toEqual(['1705300000', '1705300020', '1705300040']);
    expect(valueAxisLabels([0, STARTED_S], 'short', true, 'UTC')).toEqual(['0', '1.71B']);
    expect(valueAxisLabels([STARTED_S, STARTED_S + 0.5], 'short', true, 'UTC')).toEqual(['1705300000.0', '1705300000.5']);
  });
});

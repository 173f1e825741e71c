import { earlierLines, missingComparison, shiftWords } from './comparison';
import type { PanelLine } from '../panels';
import type { Labels, SeriesSet } from '../series';

const DAY = 86_400_000;
const key = (qi: number, labels: Labels) => `${qi}:${JSON.stringify(labels)}`;
const line = (instance: string): PanelLine => ({
  key: key(0, { instance }),
  name: instance,
  color: '#4e9bff',
  aggregate: false,
  series: { labels: { instance }, timestamps: [DAY + 1000, DAY + 2000], values: [5, 6] },
});
const set = (series: SeriesSet['series']): SeriesSet => ({ series, start: 0, end: 3000, step: 1000, warnings: [] });

describe('earlierLines', () => {
  it('gives each drawn line its earlier twin, moved onto the range, named and coloured after it', () => {
    const [twin, ...rest] = earlierLines([line('web-1')], [set([{ labels: { instance: 'web-1' }, timestamps: [1000, 2000], values: [1, 2] }])], DAY, key);
    expect(rest).toEqual([]);
    expect(twin).toMatchObject({ name: 'web-1 (1 day earlier)', color: '#4e9bff', earlier: true });
    expect(twin?.series.timestamps).toEqual([DAY + 1000, DAY + 2000]);
    expect(twin?.series.values).toEqual([1, 2]);
    expect(twin?.key).not.toBe(line('web-1').key);
  });

  it('draws no twin for a series the budget left out or that did not exist earlier', () => {
    const earlier = set([{ labels: { instance: 'web-9' }, timestamps: [1000], values: [1] }]);
    expect(earlierLines([line('web-1')], [earlier], DAY, key)).toEqual([]);
    // The same labels from another query are another line.
    expect(earlierLines([line('web-1')], [undefined, set([{ labels: { instance: 'web-1' }, timestamps: [1000], values: [1] }])], DAY, key)).toEqual([]);
  });
});

describe('shiftWords', () => {
  it.each([
    [DAY, '1 day earlier'],
    [7 * DAY, '1 week earlier'],
    [2 * DAY, '2 days earlier'],
  ])('%i ms reads "%s"', (ms, words) => expect(shiftWords(ms)).toBe(words));
});

describe('missingComparison', () => {
  it('says the earlier period has no data, for all or some of the drawn lines, once it has answered', () => {
    expect(missingComparison(DAY, 3, 0, true)).toBe('No data 1 day earlier');
    expect(missingComparison(7 * DAY, 3, 1, true)).toBe('No data 1 week earlier for 2 of 3 series');
    expect(missingComparison(DAY, 3, 3, true)).toBeNull();
    expect(missingComparison(DAY, 3, 0, false)).toBeNull();
    expect(missingComparison(DAY, 0, 0, true)).toBeNull();
  });
});

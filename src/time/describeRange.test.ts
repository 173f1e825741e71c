import { describeRelativeRange } from './describeRange';

describe('describeRelativeRange', () => {
  it.each([
    ['now-30m', 'now', 'Last 30 minutes'],
    ['now-1h', 'now', 'Last 1 hour'],
    ['now-2d', 'now', 'Last 2 days'],
    ['now-90s', 'now', 'Last 90 seconds'],
    ['now-1w', 'now', 'Last 1 week'],
    ['now-1y', 'now', 'Last 1 year'],
    ['now-2d/d', 'now/d', 'now-2d/d to now/d'],
    ['now-6h', 'now-1h', 'now-6h to now-1h'],
    ['now-1h30m', 'now', 'now-1h30m to now'],
    ['now-0m', 'now', 'now-0m to now'],
  ])('%s to %s reads "%s"', (from, to, words) => expect(describeRelativeRange({ from, to })).toBe(words));

  it('leaves ranges with an absolute end to their times', () => {
    expect(describeRelativeRange({ from: '1705300000000', to: '1705325400000' })).toBeUndefined();
    expect(describeRelativeRange({ from: 'now-6h', to: '1705325400000' })).toBeUndefined();
  });
});

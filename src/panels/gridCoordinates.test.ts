import { gridPositions, linearMap } from './gridCoordinates';

const linear = (v: number) => 100 + v * 2;

describe('gridPositions', () => {
  it('puts a line at every tick handed over, and at both edges of the plot', () => {
    expect(gridPositions([10, 20, 30], linear, 100, 300)).toEqual([120, 140, 160, 100, 300]);
  });

  it('does not draw an edge twice when a tick sits on it', () => {
    expect(gridPositions([0, 100], linear, 100, 300)).toEqual([100, 300]);
  });

  it('skips ticks that cannot be placed, and draws only the edges without ticks', () => {
    expect(gridPositions([1, 2], (v) => (v === 1 ? Number.NaN : 50), 0, 80)).toEqual([50, 0, 80]);
    expect(gridPositions([], linear, 0, 80)).toEqual([0, 80]);
  });
});

describe('linearMap', () => {
  it('maps the domain onto the pixels, reversed for a y axis', () => {
    const x = linearMap([1000, 2000], 80, 1180);
    expect([x(1000), x(1500), x(2000)]).toEqual([80, 630, 1180]);
    const y = linearMap([0, 100], 266, 28);
    expect([y(0), y(50), y(100)]).toEqual([266, 147, 28]);
  });

  it('places everything at the start of an empty domain instead of dividing by zero', () => {
    expect(linearMap([5, 5], 10, 20)(5)).toBe(10);
  });
});

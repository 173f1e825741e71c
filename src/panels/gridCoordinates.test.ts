import { gridPositions } from './gridCoordinates';

const linear = { map: (v: unknown) => 100 + Number(v) * 2 };

describe('gridPositions', () => {
  it('puts a line at every tick handed over, and at both edges of the plot', () => {
    expect(gridPositions({ ticks: [10, 20, 30], scale: linear }, 100, 300)).toEqual([120, 140, 160, 100, 300]);
  });

  it('does not draw an edge twice when a tick sits on it', () => {
    expect(gridPositions({ ticks: [0, 100], scale: linear }, 100, 300)).toEqual([100, 300]);
  });

  it('skips ticks the scale cannot place, and draws only the edges without an axis', () => {
    expect(gridPositions({ ticks: [1, 2], scale: { map: (v) => (v === 1 ? Number.NaN : 50) } }, 0, 80)).toEqual([50, 0, 80]);
    expect(gridPositions(undefined, 0, 80)).toEqual([0, 80]);
  });
});

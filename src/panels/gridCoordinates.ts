import type { ComponentProps } from 'react';
import type { CartesianGrid } from 'recharts';

type GridProps = ComponentProps<typeof CartesianGrid>;

interface ScaledAxis {
  readonly ticks?: readonly (number | string)[];
  readonly scale?: { map(input: unknown): number | undefined };
}

/**
 * Pixel positions of grid lines: one per tick the axis was handed, and the plot's two edges (the
 * rule of Recharts' own generators). Recharts' generators first run the axis' tick thinning, which
 * measures every label in a hidden DOM node (a forced layout each), to drop ticks we never hand it:
 * ours are already spaced for the width.
 */
export function gridPositions(axis: ScaledAxis | undefined, from: number, to: number): number[] {
  const positions: number[] = [];
  for (const tick of axis?.ticks ?? []) {
    const px = axis?.scale?.map(tick);
    if (px !== undefined && Number.isFinite(px)) positions.push(px);
  }
  if (!positions.includes(from)) positions.push(from);
  if (!positions.includes(to)) positions.push(to);
  return positions;
}

export const verticalGridLines: NonNullable<GridProps['verticalCoordinatesGenerator']> = ({ xAxis, offset }) =>
  gridPositions(xAxis, offset.left, offset.left + offset.width);

export const horizontalGridLines: NonNullable<GridProps['horizontalCoordinatesGenerator']> = ({ yAxis, offset }) =>
  gridPositions(yAxis, offset.top, offset.top + offset.height);

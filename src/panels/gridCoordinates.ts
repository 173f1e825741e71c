/** A linear map from a domain onto pixels [from, to] (to < from for a y axis, whose values grow upwards). */
export function linearMap(domain: readonly [number, number], from: number, to: number): (value: number) => number {
  const [d0, d1] = domain;
  const perUnit = (to - from) / (d1 - d0 || 1);
  return (value) => from + (value - d0) * perUnit;
}

/**
 * Pixel positions of grid lines: one per tick the axis shows, and the plot's two edges (the rule
 * Recharts' CartesianGrid drew by).
 */
export function gridPositions(ticks: readonly number[], toPx: (value: number) => number, from: number, to: number): number[] {
  const positions: number[] = [];
  for (const tick of ticks) {
    const px = toPx(tick);
    if (Number.isFinite(px)) positions.push(px);
  }
  if (!positions.includes(from)) positions.push(from);
  if (!positions.includes(to)) positions.push(to);
  return positions;
}

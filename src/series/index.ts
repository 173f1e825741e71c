export type { Labels, Series, SeriesSet } from './types';
export { formatValue, tickLabels, valueTicks, type Unit } from './units';
export { m4, nearestIndex, seriesStats, seriesName, toSvgPath, type PathPoints } from './downsample';

export type { Labels, Series, SeriesSet } from './types';
export { formatValue, valueTicks, type Unit } from './units';
export { keepUnchangedSeries } from './keepUnchanged';
export { m4, nearestIndex, seriesStats, seriesName, toSvgPath, type PathPoints } from './downsample';

export type { FetchFacts, Labels, Series, SeriesSet } from './types';
export { formatValue, tickLabels, valueTicks, type Unit } from './units';
export { speaksOfUnixTime, unixSecondsToMs } from './unixTime';
export { keepUnchangedSeries } from './keepUnchanged';
export { drawnValueRange, m4, nearestIndex, pixelColumns, seriesStats, seriesName, toSvgPath, type Column, type PathPoints } from './downsample';
export { fnv1a32 } from './fnv1a';
export { compareLabels, labelsIdentity } from './labels';
export { mergeTail, type MergeWindow } from './mergeTail';
export { columnsOf, packedColumnsOf, rememberSeriesFacts, statsOf, type PackedColumns, type ScannedColumns, type SeriesStats } from './packedFacts';

export { TimeSeriesPanel, type TimeSeriesPanelProps } from './TimeSeriesPanel';
export { PanelErrorBoundary } from './PanelErrorBoundary';
export { useElementWidth } from './useElementWidth';
export { styleLines } from './palette';
export type { PanelLine, PanelProblem, PanelStatus, LeakProjectionLine } from './types';
export { chooseSeries, DEFAULT_MAX_SERIES, type SeriesBudget } from './seriesBudget';
export { SeriesBudgetNote } from './SeriesBudgetNote';
export { CrosshairProvider } from './crosshair';

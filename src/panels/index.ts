export { TimeSeriesPanel, type TimeSeriesPanelProps } from './TimeSeriesPanel';
export { PanelErrorBoundary } from './PanelErrorBoundary';
export { useElementWidth } from './useElementWidth';
export { lineColor } from './palette';
export type { PanelLine, PanelProblem, PanelStatus, EventMarker, IncidentWindow, LeakProjectionLine } from './types';

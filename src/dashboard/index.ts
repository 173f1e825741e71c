export { ALL_VALUE, parseDashboard, dashboardSchema, variableSchema } from './schema';
export type { Dashboard, DashboardVariable, PanelSpec, PanelQuery, VariableSource } from './schema';
export { DashboardView } from './DashboardView';
export { PromClientProvider, usePromClient } from './promClientContext';
export {
  ALL_REGEX,
  escapeRegexValue,
  escapeStringLiteral,
  interpolate,
  interpolateChecked,
  resolveSelection,
  resolveVariables,
} from './variables';
export type { Interpolated, ResolvedSelection, ResolvedVariables, VariableValue, VariableValues } from './variables';
export { labelValuesRange, useDashboardVariables } from './useDashboardVariables';
export type { DashboardVariables, VariableOptionsState } from './useDashboardVariables';
export { VariablePicker } from './VariablePicker';
export { TimeRangeProvider, useTimeRange, type DashboardTime } from './TimeRangeProvider';
export { refreshPanels } from './refreshPolicy';

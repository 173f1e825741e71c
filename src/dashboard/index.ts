export { ALL_VALUE } from './limits';
export type { Dashboard, DashboardVariable, PanelSpec, PanelQuery, VariableSource } from './schema';
export { CURRENT_SCHEMA_VERSION, migrateDashboard } from './migrate';
export { DashboardError, parseDashboard } from './parseDashboard';
export { DashboardView } from './DashboardView';
export { PromClientProvider, usePromClient } from './promClientContext';
export {
  ALL_REGEX,
  appliedVariables,
  escapeRegexValue,
  escapeStringLiteral,
  interpolate,
  interpolateChecked,
  resolveSelection,
  resolveVariables,
} from './variables';
export type { Interpolated, ResolvedSelection, ResolvedVariables, VariableValue, VariableValues } from './variables';
export { labelValuesRange, useDashboardVariables } from './useDashboardVariables';
export type { VariableOptionsState } from './useDashboardVariables';
export { VariablePicker } from './VariablePicker';
export { TimeRangeProvider, useTimeRange, type DashboardTime } from './TimeRangeProvider';
export { leakRuleInput } from './leakRuleInputs';
export { FIRING_ALERTS_EXPR, useAlertBands, useFiringAlerts, type FiringAlertsState } from './useAlerts';
export { usePanelQueries, type PanelQueries } from './usePanelQueries';
export { describeQueryError } from './problems';
export type { PanelOverlay } from './DashboardPanel';

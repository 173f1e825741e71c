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
export { labelValuesRange, useVariableOptions } from './useVariableOptions';
export type { VariableOptionsState } from './useVariableOptions';
export { VariablePicker } from './VariablePicker';
export { dashboardLeakRuleFile, leakRuleInput } from './leakRuleInputs';

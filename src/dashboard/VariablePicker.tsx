import { useId } from 'react';
import { ALL_VALUE } from './limits';
import type { DashboardVariable } from './schema';
import type { VariableOptionsState } from './useDashboardVariables';
import type { VariableValue } from './variables';

interface Props {
  readonly variables: readonly DashboardVariable[];
  /** What each variable currently stands for (from `resolveVariables`). */
  readonly values: Readonly<Record<string, VariableValue>>;
  /** From `useDashboardVariables`. */
  readonly options: Readonly<Record<string, VariableOptionsState>>;
  /** The new selection for the URL: chosen values in order, or `['$__all']` for All. */
  readonly onChange: (name: string, values: string[]) => void;
}

const NOT_LOADED: VariableOptionsState = { options: undefined, loading: false };

/**
 * At most this many values are drawn as choices (plus whatever is selected): a label with tens of
 * thousands of values would otherwise put one input per value in the page. The full list is still
 * what selections from a link are checked against.
 */
export const MAX_SHOWN_OPTIONS = 500;

/** The options drawn: the first MAX_SHOWN_OPTIONS, then the selected values left out of them. */
export function shownOptions(options: readonly string[] | undefined, selected: readonly string[]): { shown: string[]; omitted: number } {
  const all = options ?? [];
  const head = all.slice(0, MAX_SHOWN_OPTIONS);
  const inHead = new Set(head);
  const known = new Set(all);
  // While options are unknown (loading, failed), the applied selection still shows.
  const extra = selected.filter((v) => !inHead.has(v));
  const omitted = all.length - head.length - extra.filter((v) => known.has(v)).length;
  return { shown: [...head, ...extra], omitted };
}
const NOTHING: VariableValue = { selected: [], all: false };

/** One group of checkboxes (radio buttons for a single-value variable) per dashboard variable. */
export function VariablePicker({ variables, values, options, onChange }: Props) {
  if (variables.length === 0) return null;
  return (
    <div className="variable-pickers">
      {variables.map((variable) => (
        <VariableField
          key={variable.name}
          variable={variable}
          value={Object.hasOwn(values, variable.name) ? (values[variable.name] as VariableValue) : NOTHING}
          state={Object.hasOwn(options, variable.name) ? (options[variable.name] as VariableOptionsState) : NOT_LOADED}
          onChange={(next) => onChange(variable.name, next)}
        />
      ))}
    </div>
  );
}

interface FieldProps {
  readonly variable: DashboardVariable;
  readonly value: VariableValue;
  readonly state: VariableOptionsState;
  readonly onChange: (values: string[]) => void;
}

function VariableField({ variable, value, state, onChange }: FieldProps) {
  const groupName = useId();
  const label = variable.label ?? variable.name;
  const selected = value.all ? [] : value.selected;
  const { shown, omitted } = shownOptions(state.options, selected);
  const type = variable.multi ? 'checkbox' : 'radio';

  const toggle = (option: string) => {
    if (!variable.multi) return onChange([option]);
    const next = selected.includes(option) ? selected.filter((v) => v !== option) : [...selected, option];
    // Emptying the selection falls back to All; without All the last value stays (a query needs one).
    if (next.length > 0) onChange(next);
    else if (variable.includeAll) onChange([ALL_VALUE]);
  };

  return (
    <fieldset className="variable-picker">
      <legend>{label}</legend>
      {state.error !== undefined && (
        <p role="alert" className="variable-error">
          Could not load the values of {label}: {state.error}
        </p>
      )}
      {state.loading && (
        <p role="status" className="variable-loading">
          Loading values…
        </p>
      )}
      {variable.includeAll && (
        <label>
          <input type={type} name={groupName} checked={value.all} onChange={() => !value.all && onChange([ALL_VALUE])} />
          All
        </label>
      )}
      {shown.map((option) => (
        <label key={option}>
          <input type={type} name={groupName} checked={selected.includes(option)} onChange={() => toggle(option)} />
          {option === '' ? '(empty)' : option}
        </label>
      ))}
      {omitted > 0 && (
        <p className="variable-omitted" role="note">
          {omitted.toLocaleString('en')} more values of {labelName(variable)} are not listed; narrow the variable&apos;s selector to choose among them.
        </p>
      )}
      {state.fallback && (
        <p className="variable-fallback" role="note">
          <code>{state.fallback.configured}</code> has no series in this range; these are the {labelName(variable)} values of the panels&apos; own
          series ({state.fallback.selectors.map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <code>{s}</code>
            </span>
          ))}
          ).
        </p>
      )}
      {state.options?.length === 0 && <p className="variable-empty">No values in this range</p>}
    </fieldset>
  );
}

function labelName(variable: DashboardVariable): string {
  return 'labelValues' in variable.source ? variable.source.labelValues : variable.name;
}

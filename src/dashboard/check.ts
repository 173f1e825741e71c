/**
 * The dashboard file check, by hand instead of zod (issue 13: zod's engine cost ~10 KB gzipped on
 * the first load). It keeps what `dashboardSchema` (./schema.ts) does on JSON exactly — a property
 * test compares the two: the same problems, in the same order, at the same paths, with the same
 * messages, and the same dashboard out.
 */
import { leakDurationProblem } from '../leaks';
import { aborted, addIssue, array, boolean, isObject, maxLength, minLength, object, oneOf, string, wrongType, type Check, type Issues, type Path } from '../schema/check';
import { ALL_VALUE as ALL, DASHBOARD_LIMITS as LIMITS } from './limits';
import { CURRENT_SCHEMA_VERSION } from './migrate';
import { referencedNames } from './references';
import type { Dashboard, DashboardVariable, PanelSpec } from './schema';

const UNITS = ['bytes', 'percent', 'percentunit', 'reqps', 'seconds', 'short'] as const;

const text: Check<string> = (input, issues, path) => (string(input, issues, path), input as string);

const nonEmpty: Check<string> = (input, issues, path) => {
  string(input, issues, path);
  minLength(input, 1, issues, path);
  return input as string;
};

const number: Check<number> = (input, issues, path) => {
  if (typeof input !== 'number' || !Number.isFinite(input)) wrongType(issues, path, 'number', input);
  return input as number;
};

function matches(pattern: RegExp, message: string): Check<string> {
  return (input, issues, path) => {
    if (string(input, issues, path) && !pattern.test(input)) addIssue(issues, path, message, true);
    return input as string;
  };
}


function list<T>(item: Check<T>, min?: number, max?: number): Check<T[]> {
  return (input, issues, path) =>
    array(
      input,
      item,
      (value, issues, path) => {
        if (min !== undefined) minLength(value, min, issues, path);
        if (max !== undefined) maxLength(value, max, issues, path);
      },
      max,
      issues,
      path,
    );
}

const leakDuration: Check<string> = (input, issues, path) => {
  if (string(input, issues, path)) {
    const problem = leakDurationProblem(input);
    if (problem) addIssue(issues, path, problem, true);
  }
  return input as string;
};

const leakWatch = object({ limit: [number, 'optional'], horizon: leakDuration, window: [leakDuration, 'optional'] }, true);

const timeSeriesPanel = object<PanelSpec>(
  {
    type: text,
    id: matches(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    title: nonEmpty,
    unit: (input, issues, path) => oneOf(input, UNITS, issues, path),
    queries: list(object({ expr: nonEmpty, legend: [text, 'optional'] }, false), 1, LIMITS.queriesPerPanel),
    thresholds: [list(object({ value: number, label: text }, false), undefined, LIMITS.thresholdsPerPanel), 'default', () => []],
    maxSeries: [
      (input, issues, path) => {
        if (typeof input !== 'number' || !Number.isFinite(input)) {
          wrongType(issues, path, 'number', input);
        } else if (!Number.isInteger(input)) {
          addIssue(issues, path, 'Invalid input: expected int, received number');
        } else {
          if (!Number.isSafeInteger(input)) addIssue(issues, path, input > 0 ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`, true);
          if (!(input >= 1)) addIssue(issues, path, 'Too small: expected number to be >=1', true);
          if (!(input <= LIMITS.maxSeries)) addIssue(issues, path, `Too big: expected number to be <=${LIMITS.maxSeries}`, true);
        }
        return input;
      },
      'optional',
    ],
    leakWatch: [leakWatch, 'optional'],
  },
  false,
);

/** One member per panel type, chosen by `type`. */
const panelSpec: Check<PanelSpec> = (input, issues, path) => {
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as PanelSpec;
  }
  if (input.type === 'timeseries') return timeSeriesPanel(input, issues, path);
  addIssue(issues, [...path, 'type'], 'must be one of the panel types "timeseries"');
  return input as PanelSpec;
};

const labelValuesSource = object({ labelValues: nonEmpty, match: [nonEmpty, 'optional'] }, true);
const valuesSource = object({ values: list(text, 1) }, true);

/** zod's union of the two sources: the first that fits, else the one whose problems alone let zod go on, else "Invalid input". */
const variableSource: Check<DashboardVariable['source']> = (input, issues, path) => {
  const tries = [labelValuesSource, valuesSource].map((option) => {
    const own: Issues = [];
    return { value: option(input, own, path), issues: own };
  });
  const fits = tries.find((t) => t.issues.length === 0);
  if (fits) return fits.value as DashboardVariable['source'];
  const going = tries.filter((t) => !aborted(t.issues, 0));
  if (going.length === 1) {
    issues.push(...(going[0]?.issues ?? []));
    return going[0]?.value as DashboardVariable['source'];
  }
  addIssue(issues, path, 'Invalid input');
  return input as DashboardVariable['source'];
};

const variableFields = object<DashboardVariable>(
  {
    name: (input, issues, path) => {
      if (string(input, issues, path)) {
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(input)) addIssue(issues, path, 'must be letters, digits and underscores, not starting with a digit', true);
        if (input.startsWith('__')) addIssue(issues, path, 'must not start with "__": those names are the built-ins ($__interval, $__rate_interval, $__range)', true);
      }
      return input;
    },
    label: [nonEmpty, 'optional'],
    source: variableSource,
    multi: [boolean, 'default', () => true],
    includeAll: [boolean, 'default', () => true],
    default: [list(text), 'optional'],
  },
  false,
);

const variable: Check<DashboardVariable> = (input, issues, path) => {
  const start = issues.length;
  const v = variableFields(input, issues, path);
  if (!aborted(issues, start)) {
    const defaults = v.default ?? [];
    if (!v.multi && defaults.length > 1) addIssue(issues, [...path, 'default'], 'has several values but the variable is not multi-value', true);
    if (!v.includeAll && defaults.includes(ALL)) addIssue(issues, [...path, 'default'], `is ${ALL} but the variable does not include All`, true);
  }
  return v;
};

function addRepeatIssues(names: readonly string[], what: string, path: (i: number) => Path, issues: Issues): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) addIssue(issues, path(i), `repeats the ${what} "${name}"`, true);
    seen.add(name);
  });
}

const dashboardFields = object<Dashboard>(
  {
    schemaVersion: (input, issues, path) => {
      if (input !== CURRENT_SCHEMA_VERSION) {
        addIssue(
          issues,
          path,
          Number.isInteger(input) && (input as number) > CURRENT_SCHEMA_VERSION
            ? `is ${String(input)}, newer than this vigil reads (up to ${CURRENT_SCHEMA_VERSION}): update vigil`
            : `must be a version number (this vigil reads up to ${CURRENT_SCHEMA_VERSION}), or absent in a file from before versioning`,
        );
      }
      return input;
    },
    id: nonEmpty,
    title: nonEmpty,
    defaultRange: [object({ from: text, to: text }, false), 'optional'],
    variables: [list(variable, undefined, LIMITS.variables), 'default', () => []],
    panels: list(panelSpec, 1, LIMITS.panels),
  },
  false,
);

/** A dashboard at CURRENT_SCHEMA_VERSION (migrated first by `parseDashboard`), or its problems in zod's order and words. */
export function checkDashboard(input: unknown, issues: Issues): Dashboard {
  const d = dashboardFields(input, issues, []);
  if (aborted(issues, 0)) return d;
  addRepeatIssues(d.variables.map((v) => v.name), 'variable name', (i) => ['variables', i, 'name'], issues);
  addRepeatIssues(d.panels.map((p) => p.id), 'panel id', (i) => ['panels', i, 'id'], issues);
  // Chained variables resolve in one pass down the list: a selector reads only earlier ones.
  const declared = new Set<string>();
  d.variables.forEach((v, i) => {
    const later = 'match' in v.source ? referencedNames(v.source.match ?? '').find((n) => !declared.has(n) && d.variables.some((o) => o.name === n)) : undefined;
    if (later !== undefined) addIssue(issues, ['variables', i, 'source', 'match'], `uses $${later}, which is not declared before "${v.name}"`, true);
    declared.add(v.name);
  });
  return d;
}

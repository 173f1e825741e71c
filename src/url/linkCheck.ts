/**
 * The checks of what a link's `#z=` fragment carries, by hand instead of zod (issue 13: zod's
 * engine cost ~10 KB gzipped on the first load). They keep what the zod schemas of
 * fragmentSchema.ts and explore.ts do on JSON exactly — a property test compares them: the same
 * problems, in the same order, at the same paths, with the same messages, and the same output.
 */
import { INCIDENT_EVENT_KINDS } from '../annotations';
import type { Incident } from '../incidents';
import { aborted, addIssue, array, isObject, maxLength, minLength, object as objectOf, oneOf, string, wrongType, type Check, type FieldSpec, type Issues, type Path } from '../schema/check';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';

/** Fields checked in order; `optional` ones left out when absent; unknown keys dropped. */
const object = <T>(fields: Record<string, FieldSpec>): Check<T> => objectOf<T>(fields, false);

/** A string within `min`..`max` characters, zod's length checks in the order given. */
function text(max: number, min?: number): Check<string> {
  return (input, issues, path) => {
    string(input, issues, path);
    maxLength(input, max, issues, path);
    if (min !== undefined) minLength(input, min, issues, path);
    return input as string;
  };
}

const epochMs: Check<number> = (input, issues, path) => {
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    wrongType(issues, path, 'number', input);
  } else {
    if (!(input >= EARLIEST_TIME_MS)) addIssue(issues, path, `Too small: expected number to be >=${EARLIEST_TIME_MS}`, true);
    if (!(input <= LATEST_TIME_MS)) addIssue(issues, path, `Too big: expected number to be <=${LATEST_TIME_MS}`, true);
  }
  return input as number;
};


function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (input, issues, path) => array(input, item, (value, issues, path) => maxLength(value, max, issues, path), max, issues, path);
}

/** The limits of fragmentSchema.ts, passed in so that this module does not load zod. */
export interface LinkLimits {
  readonly incidents: number;
  readonly eventsPerIncident: number;
  readonly textChars: number;
  readonly queryChars: number;
  readonly overridePanels: number;
  readonly queriesPerPanel: number;
}

export function linkChecks(L: LinkLimits) {
  const plain = text(L.textChars);
  const zone = text(64);
  const timezoneSources = {
    stated: object({ kind: plain, written: zone }),
    'stated-offset': object({ kind: plain, written: zone }),
    assumed: object({ kind: plain }),
  } as Record<string, Check<unknown>>;
  const timezoneSource: Check<unknown> = (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'object', input);
      return input;
    }
    const option = typeof input.kind === 'string' && Object.hasOwn(timezoneSources, input.kind) ? timezoneSources[input.kind] : undefined;
    if (option) return option(input, issues, path);
    addIssue(issues, [...path, 'kind'], "Invalid discriminator value. Expected 'stated' | 'stated-offset' | 'assumed'");
    return input;
  };
  const event = object({ time: epochMs, text: plain, kind: (input, issues, path) => oneOf(input, INCIDENT_EVENT_KINDS, issues, path) });
  const incident = object<Incident>({
    id: text(L.textChars, 1),
    title: plain,
    severity: [plain, 'optional'],
    summary: [plain, 'optional'],
    impact: [plain, 'optional'],
    rootCause: [plain, 'optional'],
    start: epochMs,
    end: [epochMs, 'optional'],
    events: list(event, L.eventsPerIncident),
    timezone: plain,
    timezoneSource: [timezoneSource, 'optional'],
  });
  const importedIncidents = list(incident, L.incidents);
  const queries = list(text(L.queryChars), L.queriesPerPanel);

  /** Query overrides: panel id → PromQL per query index; an empty panel id is refused. */
  const overrides: Check<Record<string, string[]>> = (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'record', input);
      return input as Record<string, string[]>;
    }
    const start = issues.length;
    const out: Record<string, string[]> = {};
    for (const key of Object.keys(input)) {
      if (key === '__proto__') continue;
      path.push(key);
      if (key === '') addIssue(issues, path, 'Invalid key in record');
      else out[key] = queries(input[key], issues, path);
      path.pop();
    }
    if (!aborted(issues, start) && Object.keys(out).length > L.overridePanels) addIssue(issues, path, `more than ${L.overridePanels} panels`, true);
    return out;
  };
  return { importedIncidents, overrides };
}

/** Runs a check from the root of a value: its output, or the problems. */
export function runCheck<T>(check: Check<T>, input: unknown): { success: true; data: T } | { success: false; issues: Issues } {
  const issues: Issues = [];
  const data = check(input, issues, []);
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}

export function addedPanelCheck(limits: { readonly titleChars: number; readonly queryChars: number }, id: RegExp): Check<{ i: string; t: string; e: string }> {
  return object({
    i: (input, issues, path: Path) => {
      const ok = string(input, issues, path);
      minLength(input, 1, issues, path);
      maxLength(input, 64, issues, path);
      if (ok && !id.test(input)) addIssue(issues, path, 'must be lower-case letters, digits and dashes', true);
      return input;
    },
    t: (input, issues, path) => (string(input, issues, path), minLength(input, 1, issues, path), maxLength(input, limits.titleChars, issues, path), input),
    e: (input, issues, path) => (string(input, issues, path), minLength(input, 1, issues, path), maxLength(input, limits.queryChars, issues, path), input),
  });
}

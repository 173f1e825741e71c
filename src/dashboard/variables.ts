import { REFERENCE, referencedNames } from './references';
import { ALL_VALUE } from './limits';
import type { DashboardVariable } from './schema';

/** What a variable currently stands for. `all` wins over `selected`. */
export interface VariableValue {
  readonly selected: readonly string[];
  readonly all: boolean;
}

export type VariableValues = Readonly<Record<string, VariableValue>>;

export interface Interpolated {
  readonly expr: string;
  /** One sentence per reference that could not be substituted; those references are left as written. */
  readonly problems: readonly string[];
}

/**
 * "All" in a regex matcher. `.*` rather than Grafana's default (the alternation of every loaded
 * value): it needs no option list, so a query does not wait for label values or grow with them,
 * and it means "no filter" — it also keeps series that lack the label, as no matcher would. Before
 * Prometheus 3, `.` did not match a newline, so there it misses the (rare) values containing one.
 */
export const ALL_REGEX = '.*';

// Matches no string at all, RE2 and JS alike: an empty selection in a regex matcher selects nothing.
const NOTHING_REGEX = '[^\\s\\S]';

// Go's regexp.QuoteMeta set, the same as Grafana's escapePrometheusRegexp: RE2's metacharacters.
const RE2_META = /[\\.+*?()|[\]{}^$]/g;

type Quote = '"' | "'" | '`';

/**
 * Where a reference sits decides how its values are written:
 * - `regex`: inside the string of a `=~` or `!~` matcher;
 * - `exact`: inside the string of a `=` or `!=` matcher;
 * - `string`: inside any other string literal (a function argument, a quoted label name);
 * - `bare`: outside string literals (a label name in `by (…)`, a duration), substituted raw.
 */
type Context = 'regex' | 'exact' | 'string' | 'bare';

interface Segment {
  readonly text: string;
  /** Comments and the quote characters themselves are copied unchanged. */
  readonly context: Context | 'verbatim';
  readonly quote?: Quote;
}

/** RE2-escapes a label value so that a regex matcher takes it literally. */
export function escapeRegexValue(value: string): string {
  return value.replace(RE2_META, '\\$&');
}

/**
 * Escapes text for the inside of a PromQL string literal (Go's strconv.Unquote rules). A newline
 * must be escaped too: PromQL's lexer ends a quoted string at a raw newline. Returns null when the
 * text cannot be written in that literal (a backtick inside a raw string).
 */
export function escapeStringLiteral(text: string, quote: Quote = '"'): string | null {
  if (quote === '`') return text.includes('`') ? null : text;
  let out = '';
  for (const char of text) {
    if (char === '\\' || char === quote) out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else out += char;
  }
  return out;
}

/** Replaces `$name`, `${name}` and `[[name]]` in PromQL; unknown names and problems stay as written. */
export function interpolate(expr: string, values: VariableValues): string {
  return interpolateChecked(expr, values).expr;
}

export function interpolateChecked(expr: string, values: VariableValues): Interpolated {
  const problems = new Set<string>();
  let out = '';
  for (const segment of splitByContext(expr)) {
    if (segment.context === 'verbatim') {
      out += segment.text;
      continue;
    }
    const context = segment.context;
    out += segment.text.replace(REFERENCE, (reference: string, a?: string, b?: string, c?: string) => {
      const name = a ?? b ?? c ?? '';
      if (!Object.hasOwn(values, name)) return reference;
      const value = values[name] as VariableValue;
      const written = writeValue(name, value, context, segment.quote ?? '"');
      if (typeof written === 'string') return written;
      problems.add(written.problem);
      return reference;
    });
  }
  return { expr: out, problems: [...problems] };
}

/**
 * The variables of `values` that `expr` refers to outside comments, each once, in order: what
 * interpolation substitutes (Explore names them, so a query is never read without its values).
 */
export function appliedVariables(expr: string, values: VariableValues): string[] {
  const names = splitByContext(expr)
    .filter((segment) => segment.context !== 'verbatim')
    .flatMap((segment) => referencedNames(segment.text))
    .filter((name) => Object.hasOwn(values, name));
  return [...new Set(names)];
}

function writeValue(name: string, value: VariableValue, context: Context, quote: Quote): string | { problem: string } {
  const selected = [...new Set(value.selected)];
  if (context === 'regex') {
    let regex: string;
    if (value.all) regex = ALL_REGEX;
    else if (selected.length === 0) regex = NOTHING_REGEX;
    else if (selected.length === 1) regex = escapeRegexValue(selected[0] as string);
    else regex = `(${selected.map(escapeRegexValue).join('|')})`;
    return escapeStringLiteral(regex, quote) ?? { problem: backtickProblem(name) };
  }

  const where =
    context === 'exact'
      ? 'in an exact matcher (= or !=); use =~ or !~ to match several values'
      : context === 'string'
        ? 'in a string that takes one value'
        : 'outside a string, where it takes one value';
  if (value.all) return { problem: `$${name} is set to All but is used ${where}` };
  if (selected.length !== 1) {
    const count = selected.length === 0 ? 'no value' : `${selected.length} values`;
    return { problem: `$${name} has ${count} selected but is used ${where}` };
  }
  const single = selected[0] as string;
  if (context === 'bare') return single;
  return escapeStringLiteral(single, quote) ?? { problem: backtickProblem(name) };
}

function backtickProblem(name: string): string {
  return `$${name} has a value with a backtick, which a raw string (\`…\`) cannot hold; use double quotes`;
}

/** Cuts PromQL into string literals (tagged with the matcher they belong to), comments and the rest. */
function splitByContext(expr: string): Segment[] {
  const segments: Segment[] = [];
  let bare = '';
  let i = 0;
  const flushBare = () => {
    if (bare !== '') segments.push({ text: bare, context: 'bare' });
    bare = '';
  };
  while (i < expr.length) {
    const char = expr[i] as string;
    if (char === '#') {
      const end = expr.indexOf('\n', i);
      const stop = end === -1 ? expr.length : end;
      flushBare();
      segments.push({ text: expr.slice(i, stop), context: 'verbatim' });
      i = stop;
    } else if (char === '"' || char === "'" || char === '`') {
      const context = contextBefore(expr.slice(0, i));
      const close = closingQuote(expr, i + 1, char);
      flushBare();
      segments.push({ text: char, context: 'verbatim' });
      segments.push({ text: expr.slice(i + 1, close), context, quote: char });
      if (close < expr.length) segments.push({ text: char, context: 'verbatim' });
      i = close + 1;
    } else {
      bare += char;
      i++;
    }
  }
  flushBare();
  return segments;
}

/** Index of the quote that closes a literal opened just before `from`, or the end of an unterminated one. */
function closingQuote(expr: string, from: number, quote: Quote): number {
  for (let j = from; j < expr.length; j++) {
    const char = expr[j];
    if (char === '\\' && quote !== '`') j++;
    else if (char === quote) return j;
  }
  return expr.length;
}

function contextBefore(preceding: string): Context {
  const before = preceding.trimEnd();
  if (before.endsWith('=~') || before.endsWith('!~')) return 'regex';
  if (before.endsWith('!=')) return 'exact';
  // `==`, `<=` and `>=` are comparisons between values, never followed by a matcher's string.
  if (before.endsWith('=') && !/[=<>]=$/.test(before)) return 'exact';
  return 'string';
}

export interface ResolvedSelection extends VariableValue {
  readonly selected: string[];
  /** One plain sentence per value that was dropped. */
  readonly notices: string[];
}

/**
 * What a variable stands for, given the link's values and the options (undefined while they load
 * or when they failed: link values are then trusted as they are). Link values win when they are
 * options; others are dropped with a notice; `$__all` means All. Without usable link values the
 * dashboard's default applies: its `default`, else All when offered, else the first option.
 */
export function resolveSelection(
  variable: DashboardVariable,
  urlValues: readonly string[] | undefined,
  options: readonly string[] | undefined,
): ResolvedSelection {
  const notices: string[] = [];
  const fromLink = urlValues && urlValues.length > 0 ? pick(variable, urlValues, options, notices, 'the link') : null;
  if (fromLink) return { ...fromLink, notices };
  const defaults = variable.default ?? [];
  const fromDefault = defaults.length > 0 ? pick(variable, defaults, options, notices, 'the dashboard default') : null;
  if (fromDefault) return { ...fromDefault, notices };
  if (variable.includeAll) return { selected: [], all: true, notices };
  const first = options?.[0];
  return { selected: first === undefined ? [] : [first], all: false, notices };
}

// A notice names a few dropped values, not the thousand a link may carry.
const MAX_NAMED_VALUES = 5;

function pick(
  variable: DashboardVariable,
  values: readonly string[],
  options: readonly string[] | undefined,
  notices: string[],
  origin: string,
): { selected: string[]; all: boolean } | null {
  const name = variable.label ?? variable.name;
  if (values.includes(ALL_VALUE)) {
    if (variable.includeAll) return { selected: [], all: true };
    notices.push(`Ignored All for "${name}" from ${origin}: this variable does not offer All`);
  }
  const unique = [...new Set(values.filter((v) => v !== ALL_VALUE))];
  // Sets: a link may carry a thousand values and a label a hundred thousand options.
  const optionSet = options === undefined ? undefined : new Set(options);
  const known = optionSet === undefined ? unique : unique.filter((v) => optionSet.has(v));
  const unknown = optionSet === undefined ? [] : unique.filter((v) => !optionSet.has(v));
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_NAMED_VALUES).map((v) => JSON.stringify(v)).join(', ');
    const list = unknown.length > MAX_NAMED_VALUES ? `${named} and ${unknown.length - MAX_NAMED_VALUES} more` : named;
    notices.push(`Ignored ${list} for "${name}" from ${origin}: not among its values`);
  }
  if (!variable.multi && known.length > 1) {
    notices.push(`Kept only ${JSON.stringify(known[0])} for "${name}": it takes one value`);
    known.length = 1;
  }
  return known.length > 0 ? { selected: known, all: false } : null;
}

export interface ResolvedVariables {
  readonly values: Record<string, VariableValue>;
  readonly notices: string[];
}

/** `resolveSelection` for every variable of a dashboard, ready for `interpolate`. */
export function resolveVariables(
  variables: readonly DashboardVariable[],
  urlVars: Readonly<Record<string, readonly string[]>>,
  optionsByName: Readonly<Record<string, { readonly options: readonly string[] | undefined }>>,
): ResolvedVariables {
  const entries: [string, VariableValue][] = [];
  const notices: string[] = [];
  for (const variable of variables) {
    const urlValues = Object.hasOwn(urlVars, variable.name) ? urlVars[variable.name] : undefined;
    const options = Object.hasOwn(optionsByName, variable.name) ? optionsByName[variable.name]?.options : undefined;
    const resolved = resolveSelection(variable, urlValues, options);
    entries.push([variable.name, { selected: resolved.selected, all: resolved.all }]);
    notices.push(...resolved.notices);
  }
  // fromEntries keeps a variable named "__proto__" an ordinary key.
  return { values: Object.fromEntries(entries), notices };
}

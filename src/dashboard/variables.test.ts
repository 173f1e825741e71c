import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_VALUE, dashboardSchema, variableSchema, type DashboardVariable } from './schema';
import { interpolate, interpolateChecked, resolveSelection, resolveVariables, type VariableValues } from './variables';

const pick = (...selected: string[]) => ({ selected, all: false });
const ALL = { selected: [], all: true };

describe('interpolate', () => {
  const cases: { name: string; expr: string; values: VariableValues; want: string }[] = [
    { name: 'regex matcher, several values', expr: 'up{instance=~"$instance"}', values: { instance: pick('web-1', 'web-2') }, want: 'up{instance=~"(web-1|web-2)"}' },
    { name: 'regex matcher, one value, no group', expr: 'up{instance=~"$instance"}', values: { instance: pick('web-1') }, want: 'up{instance=~"web-1"}' },
    { name: '${name} syntax', expr: 'up{instance=~"${instance}"}', values: { instance: pick('a') }, want: 'up{instance=~"a"}' },
    { name: '[[name]] syntax', expr: 'up{instance=~"[[instance]]"}', values: { instance: pick('a') }, want: 'up{instance=~"a"}' },
    { name: 'negative regex matcher', expr: 'up{instance!~"$i"}', values: { i: pick('a', 'b') }, want: 'up{instance!~"(a|b)"}' },
    { name: 'All in a regex matcher', expr: 'up{instance=~"$i"}', values: { i: ALL }, want: 'up{instance=~".*"}' },
    { name: 'All wins over a stale selection', expr: 'up{instance=~"$i"}', values: { i: { selected: ['a'], all: true } }, want: 'up{instance=~".*"}' },
    { name: 'nothing selected in a regex matcher matches nothing', expr: 'up{i=~"$i"}', values: { i: pick() }, want: 'up{i=~"[^\\\\s\\\\S]"}' },
    { name: 'regex metacharacters are RE2-escaped, then string-escaped', expr: 'up{i=~"$i"}', values: { i: pick('a.b', 'c(d)|e') }, want: 'up{i=~"(a\\\\.b|c\\\\(d\\\\)\\\\|e)"}' },
    { name: 'a quote in a regex value', expr: 'up{i=~"$i"}', values: { i: pick('say "hi"') }, want: 'up{i=~"say \\"hi\\""}' },
    { name: 'a reference inside a larger regex', expr: 'up{i=~"web-$n.*"}', values: { n: pick('1', '2') }, want: 'up{i=~"web-(1|2).*"}' },
    { name: 'spaces around the operator', expr: 'up{i =~ "$i"}', values: { i: pick('a', 'b') }, want: 'up{i =~ "(a|b)"}' },
    { name: 'duplicates are written once', expr: 'up{i=~"$i"}', values: { i: pick('a', 'a', 'b') }, want: 'up{i=~"(a|b)"}' },
    { name: 'exact matcher, one value, string-escaped only', expr: 'up{i="$i"}', values: { i: pick('a.b "c" \\d') }, want: 'up{i="a.b \\"c\\" \\\\d"}' },
    { name: 'not-equal matcher', expr: 'up{i!="$i"}', values: { i: pick('a.b') }, want: 'up{i!="a.b"}' },
    { name: 'a newline is escaped (PromQL strings cannot hold one)', expr: 'up{i="$i"}', values: { i: pick('a\nb') }, want: 'up{i="a\\nb"}' },
    { name: 'single-quoted regex', expr: "up{i=~'$i'}", values: { i: pick("it's", 'x"y') }, want: "up{i=~'(it\\'s|x\"y)'}" },
    { name: 'raw-string regex: RE2 escaping only', expr: 'up{i=~`$i`}', values: { i: pick('a.b', 'c\\d') }, want: 'up{i=~`(a\\.b|c\\\\d)`}' },
    { name: 'bare: raw single value', expr: 'sum by ($by) (up)', values: { by: pick('instance') }, want: 'sum by (instance) (up)' },
    { name: 'other string literal: string-escaped single value', expr: 'label_replace(up, "dst", "$v", "src", "(.*)")', values: { v: pick('a"b') }, want: 'label_replace(up, "dst", "a\\"b", "src", "(.*)")' },
    { name: "regex group references like $1 are not variables", expr: 'label_replace(up, "d", "$1", "s", "(.*)")', values: { v: pick('x') }, want: 'label_replace(up, "d", "$1", "s", "(.*)")' },
    { name: 'unknown variables are left as written', expr: 'up{i=~"$other", j="${x}", k="[[y]]"}', values: { i: pick('a') }, want: 'up{i=~"$other", j="${x}", k="[[y]]"}' },
    { name: 'a longer name is another variable', expr: 'up{i=~"$instancex"}', values: { instance: pick('a') }, want: 'up{i=~"$instancex"}' },
    { name: 'inherited object keys are not variables', expr: 'up{i=~"$constructor"}', values: {}, want: 'up{i=~"$constructor"}' },
    { name: 'values are not interpolated again', expr: 'up{i=~"$a", j=~"$b"}', values: { a: pick('$b'), b: pick('x') }, want: 'up{i=~"\\\\$b", j=~"x"}' },
    { name: 'comments are left as written', expr: 'up{i=~"$i"} # "$i"', values: { i: pick('a', 'b') }, want: 'up{i=~"(a|b)"} # "$i"' },
    { name: 'an escaped quote does not end the literal', expr: 'up{i=~"x\\"$i"}', values: { i: pick('a', 'b') }, want: 'up{i=~"x\\"(a|b)"}' },
    { name: 'several references, each in its context', expr: 'sum by ($by) (rate(x{job="$job",i=~"$i"}[5m]))', values: { by: pick('code'), job: pick('webapp'), i: ALL }, want: 'sum by (code) (rate(x{job="webapp",i=~".*"}[5m]))' },
  ];
  it.each(cases)('$name', ({ expr, values, want }) => {
    const result = interpolateChecked(expr, values);
    expect(result.expr).toBe(want);
    expect(result.problems).toEqual([]);
    expect(interpolate(expr, values)).toBe(want);
  });

  const problems: { name: string; expr: string; values: VariableValues; problem: RegExp }[] = [
    { name: 'several values in an exact matcher', expr: 'up{i="$i"}', values: { i: pick('a', 'b') }, problem: /\$i has 2 values selected but is used in an exact matcher/ },
    { name: 'All in an exact matcher', expr: 'up{i!="$i"}', values: { i: ALL }, problem: /\$i is set to All but is used in an exact matcher/ },
    { name: 'nothing selected in an exact matcher', expr: 'up{i="$i"}', values: { i: pick() }, problem: /\$i has no value selected/ },
    { name: 'several values outside a string', expr: 'sum by ($by) (up)', values: { by: pick('a', 'b') }, problem: /\$by has 2 values selected but is used outside a string/ },
    { name: 'All in another string', expr: 'label_replace(up, "d", "$v", "s", "")', values: { v: ALL }, problem: /\$v is set to All but is used in a string that takes one value/ },
    { name: 'a backtick in a raw string', expr: 'up{i=~`$i`}', values: { i: pick('a`b') }, problem: /backtick/ },
  ];
  it.each(problems)('reports $name and leaves the reference as written', ({ expr, values, problem }) => {
    const result = interpolateChecked(expr, values);
    expect(result.expr).toBe(expr);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(problem);
  });

  it('reports a problem once per variable and still substitutes the references that work', () => {
    const result = interpolateChecked('a{i="$i"} / b{i="$i"} / c{i=~"$i"}', { i: pick('x', 'y') });
    expect(result.expr).toBe('a{i="$i"} / b{i="$i"} / c{i=~"(x|y)"}');
    expect(result.problems).toHaveLength(1);
  });
});

/**
 * Go's strconv.Unquote for the body of a PromQL string literal: what Prometheus does with it. Kept
 * independent of the escaper under test; rejects what Go rejects (raw newline or quote, unknown escapes).
 */
function unquotePromQL(body: string, quote: '"' | "'"): string {
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', [quote]: quote };
  let out = '';
  const chars = [...body];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    if (char === '\n' || char === quote) throw new Error(`raw ${JSON.stringify(char)} in a PromQL string`);
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = chars[++i];
    if (next === undefined || !(next in simple)) throw new Error(`invalid escape \\${next ?? ''}`);
    out += simple[next];
  }
  return out;
}

/** The literal's body of the single matcher in `x{l=~"…"}` / `x{l=~'…'}`. */
function matcherBody(expr: string, quote: '"' | "'"): string {
  const prefix = `x{l=~${quote}`;
  expect(expr.startsWith(prefix) && expr.endsWith(`${quote}}`)).toBe(true);
  return expr.slice(prefix.length, -2);
}

// Prometheus anchors matcher regexes and lets `.` match newlines: "^(?s:" + re + ")$".
const compileAnchored = (re: string) => new RegExp(`^(?:${re})$`, 'su');

const META = [...'\\.+*?()|[]{}^$"\'`\n-/ ae€😀'];
const labelValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: fc.constantFrom(...META), maxLength: 8 }));

describe('interpolate: regex matchers match exactly the selected values (property)', () => {
  for (const quote of ['"', "'"] as const) {
    it(`with ${quote}-quoted matchers`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(labelValue, { minLength: 1, maxLength: 5 }), fc.array(labelValue, { maxLength: 10 }), (selected, others) => {
          const result = interpolateChecked(`x{l=~${quote}$v${quote}}`, { v: pick(...selected) });
          expect(result.problems).toEqual([]);
          const regex = compileAnchored(unquotePromQL(matcherBody(result.expr, quote), quote));
          for (const value of selected) expect(regex.test(value)).toBe(true);
          for (const value of others) expect(regex.test(value)).toBe(selected.includes(value));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('All matches any value, including the empty one', () => {
    fc.assert(
      fc.property(labelValue, (value) => {
        const regex = compileAnchored(unquotePromQL(matcherBody(interpolate('x{l=~"$v"}', { v: ALL }), '"'), '"'));
        expect(regex.test(value)).toBe(true);
      }),
    );
  });

  it('an empty selection matches nothing', () => {
    fc.assert(
      fc.property(labelValue, (value) => {
        const regex = compileAnchored(unquotePromQL(matcherBody(interpolate('x{l=~"$v"}', { v: pick() }), '"'), '"'));
        expect(regex.test(value)).toBe(false);
      }),
    );
  });

  it('an exact matcher reads back the very value', () => {
    fc.assert(
      fc.property(labelValue, (value) => {
        const expr = interpolate('x{l="$v"}', { v: pick(value) });
        expect(unquotePromQL(expr.slice('x{l="'.length, -2), '"')).toBe(value);
      }),
    );
  });
});

const variable = (v: Partial<DashboardVariable> = {}): DashboardVariable => ({
  name: 'instance',
  source: { labelValues: 'instance' },
  multi: true,
  includeAll: true,
  ...v,
});
const OPTIONS = ['web-1', 'web-2', 'web-3'];

describe('resolveSelection', () => {
  const cases: {
    name: string;
    variable: DashboardVariable;
    url: readonly string[] | undefined;
    options: readonly string[] | undefined;
    want: { selected: string[]; all: boolean };
    notices: RegExp[];
  }[] = [
    { name: 'link values among the options', variable: variable(), url: ['web-2', 'web-1'], options: OPTIONS, want: { selected: ['web-2', 'web-1'], all: false }, notices: [] },
    { name: 'link values while options load', variable: variable(), url: ['web-9'], options: undefined, want: { selected: ['web-9'], all: false }, notices: [] },
    { name: 'unknown link values are dropped', variable: variable(), url: ['web-9', 'web-1'], options: OPTIONS, want: { selected: ['web-1'], all: false }, notices: [/"web-9".*not among its values/] },
    { name: 'all link values unknown: the default (All)', variable: variable(), url: ['web-9'], options: OPTIONS, want: { selected: [], all: true }, notices: [/"web-9"/] },
    { name: '$__all means All', variable: variable(), url: [ALL_VALUE], options: OPTIONS, want: { selected: [], all: true }, notices: [] },
    { name: '$__all without includeAll', variable: variable({ includeAll: false }), url: [ALL_VALUE], options: OPTIONS, want: { selected: ['web-1'], all: false }, notices: [/does not offer All/] },
    { name: 'no link values: All', variable: variable(), url: undefined, options: OPTIONS, want: { selected: [], all: true }, notices: [] },
    { name: 'empty link values: All', variable: variable(), url: [], options: OPTIONS, want: { selected: [], all: true }, notices: [] },
    { name: 'no All: the first option', variable: variable({ includeAll: false }), url: undefined, options: OPTIONS, want: { selected: ['web-1'], all: false }, notices: [] },
    { name: 'no All, options loading: nothing yet', variable: variable({ includeAll: false }), url: undefined, options: undefined, want: { selected: [], all: false }, notices: [] },
    { name: 'the dashboard default', variable: variable({ default: ['web-3'] }), url: undefined, options: OPTIONS, want: { selected: ['web-3'], all: false }, notices: [] },
    { name: 'a default that is not an option', variable: variable({ default: ['gone'] }), url: undefined, options: OPTIONS, want: { selected: [], all: true }, notices: [/"gone".*dashboard default/] },
    { name: 'single-value variable keeps the first link value', variable: variable({ multi: false }), url: ['web-2', 'web-3'], options: OPTIONS, want: { selected: ['web-2'], all: false }, notices: [/Kept only "web-2"/] },
    { name: 'repeated link values count once', variable: variable(), url: ['web-1', 'web-1'], options: OPTIONS, want: { selected: ['web-1'], all: false }, notices: [] },
  ];
  it.each(cases)('$name', ({ variable: v, url, options, want, notices }) => {
    const result = resolveSelection(v, url, options);
    expect({ selected: result.selected, all: result.all }).toEqual(want);
    expect(result.notices).toHaveLength(notices.length);
    notices.forEach((n, i) => expect(result.notices[i]).toMatch(n));
  });

  it('names the first five dropped values of a long list, then counts the rest', () => {
    const url = Array.from({ length: 1000 }, (_, n) => `gone-${n}`);
    const result = resolveSelection(variable(), [...url, 'web-2'], OPTIONS);
    expect(result.selected).toEqual(['web-2']);
    expect(result.notices).toEqual(['Ignored "gone-0", "gone-1", "gone-2", "gone-3", "gone-4" and 995 more for "instance" from the link: not among its values']);
  });

  it('resolveVariables resolves each variable of a dashboard', () => {
    const variables = [variable(), variable({ name: 'job', source: { values: ['a', 'b'] }, includeAll: false })];
    const result = resolveVariables(variables, { instance: ['web-2', 'nope'], other: ['x'] }, { instance: { options: OPTIONS }, job: { options: ['a', 'b'] } });
    expect(result.values).toEqual({ instance: { selected: ['web-2'], all: false }, job: { selected: ['a'], all: false } });
    expect(result.notices).toHaveLength(1);
  });
});

describe('dashboard variables schema', () => {
  const base = { schemaVersion: 1, id: 'd', title: 'D', panels: [{ type: 'timeseries', id: 'p', title: 'P', unit: 'short', queries: [{ expr: 'up' }] }] };

  it('defaults to no variables, and fills multi/includeAll', () => {
    expect(dashboardSchema.parse(base).variables).toEqual([]);
    const parsed = variableSchema.parse({ name: 'instance', source: { labelValues: 'instance', match: 'up{job="webapp"}' } });
    expect(parsed).toEqual({ name: 'instance', source: { labelValues: 'instance', match: 'up{job="webapp"}' }, multi: true, includeAll: true });
  });

  it.each([
    ['a name starting with a digit', { name: '1x', source: { values: ['a'] } }],
    ['a name with a dash', { name: 'a-b', source: { values: ['a'] } }],
    ['a built-in name', { name: '__interval', source: { values: ['1m'] } }],
    ['an empty fixed list', { name: 'x', source: { values: [] } }],
    ['a source of both kinds', { name: 'x', source: { values: ['a'], labelValues: 'x' } }],
    ['several defaults for a single-value variable', { name: 'x', multi: false, source: { values: ['a', 'b'] }, default: ['a', 'b'] }],
    ['a default of All without includeAll', { name: 'x', includeAll: false, source: { values: ['a'] }, default: [ALL_VALUE] }],
  ])('rejects %s', (_, raw) => {
    expect(variableSchema.safeParse(raw).success).toBe(false);
  });

  it('lets a selector use the variables declared before it, not after', () => {
    const job = { name: 'job', source: { values: ['a'] } };
    const instance = { name: 'instance', source: { labelValues: 'instance', match: 'up{job=~"$job"}' } };
    expect(dashboardSchema.safeParse({ ...base, variables: [job, instance] }).success).toBe(true);
    const result = dashboardSchema.safeParse({ ...base, variables: [instance, job] });
    expect(result.error?.issues[0]?.path).toEqual(['variables', 0, 'source', 'match']);
    expect(result.error?.issues[0]?.message).toBe('uses $job, which is not declared before "instance"');
  });

  it('rejects two variables with one name', () => {
    const v = { name: 'x', source: { values: ['a'] } };
    const result = dashboardSchema.safeParse({ ...base, variables: [v, v] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['variables', 1, 'name']);
  });
});

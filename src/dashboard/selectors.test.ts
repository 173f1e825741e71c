import { describe, expect, it } from 'vitest';
import { writeSelector, writtenSelectors } from './selectors';

const brief = (expr: string) => writtenSelectors(expr).map((s) => ({ metric: s.metric, matchers: s.matchers.map((m) => m.text), others: s.others }));

describe('writtenSelectors', () => {
  const cases: { name: string; expr: string; want: ReturnType<typeof brief> }[] = [
    { name: 'a metric with matchers', expr: 'up{job="a",instance=~"$i"}', want: [{ metric: 'up', matchers: ['job="a"', 'instance=~"$i"'], others: [] }] },
    { name: 'inside functions and ranges', expr: 'sum by (i) (rate(x_total{code=~"5.."}[5m])) / sum(rate(x_total[5m]))', want: [{ metric: 'x_total', matchers: ['code=~"5.."'], others: [] }] },
    { name: 'spaces everywhere, trailing comma', expr: 'up { job = "a" , i !~ \'b\' , }', want: [{ metric: 'up', matchers: ['job = "a"', "i !~ 'b'"], others: [] }] },
    { name: 'no metric name', expr: '{__name__=~"a|b", job!="x"}', want: [{ metric: undefined, matchers: ['__name__=~"a|b"', 'job!="x"'], others: [] }] },
    { name: 'a keyword is not a metric name', expr: 'up and {job="a"}', want: [{ metric: undefined, matchers: ['job="a"'], others: [] }] },
    { name: 'recording-rule names with colons', expr: 'job:rate5m:sum{job="a"}', want: [{ metric: 'job:rate5m:sum', matchers: ['job="a"'], others: [] }] },
    { name: 'braces and quotes inside values', expr: 'up{a="}{\\"", b=`x}`}', want: [{ metric: 'up', matchers: ['a="}{\\""', 'b=`x}`'], others: [] }] },
    { name: 'a quoted metric name (Prometheus 3)', expr: '{"my.metric", "the.label"="v"}', want: [{ metric: undefined, matchers: ['"the.label"="v"'], others: ['"my.metric"'] }] },
    { name: 'braces in other strings and comments are not selectors', expr: 'label_replace(up{a="b"}, "d", "{x=\\"y\\"}", "s", "") # c{d="e"}', want: [{ metric: 'up', matchers: ['a="b"'], others: [] }] },
    { name: 'an unreadable selector is left out, the next one read', expr: 'a{b=c} + d{e="f"}', want: [{ metric: 'd', matchers: ['e="f"'], others: [] }] },
    { name: 'an unterminated string ends the search', expr: 'a{b="c}', want: [] },
  ];
  it.each(cases)('$name', ({ expr, want }) => {
    expect(brief(expr)).toEqual(want);
  });
});

describe('writeSelector', () => {
  it('writes a metric alone, braces with matchers, and refuses an empty selector', () => {
    expect(writeSelector('up', [])).toBe('up');
    expect(writeSelector('up', ['a="b"', 'c=~"d"'])).toBe('up{a="b",c=~"d"}');
    expect(writeSelector(undefined, ['a="b"'])).toBe('{a="b"}');
    expect(writeSelector(undefined, [])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { variableSchema } from './schema';
import { fallbackSelectors, planVariables } from './variableRequests';

const pick = (...selected: string[]) => ({ selected, all: false });
const ALL = { selected: [], all: true };

describe('fallbackSelectors', () => {
  const cases: { name: string; exprs: string[]; earlier?: Record<string, { selected: string[]; all: boolean }>; want: string[] }[] = [
    { name: "the variable's own matcher is taken out", exprs: ['mem{job="webapp",instance=~"$instance"}'], want: ['mem{job="webapp"}'] },
    { name: 'only selectors the variable filters', exprs: ['mem{instance=~"$instance"} / on() group_left total{job="x"}'], want: ['mem'] },
    { name: 'every panel, each selector once', exprs: ['a{instance=~"$instance"}', 'rate(b{instance=~"${instance}",code=~"5.."}[5m]) / rate(b{instance=~"[[instance]]"}[5m])', 'a{instance=~"$instance"}'], want: ['a', 'b{code=~"5.."}', 'b'] },
    { name: 'earlier variables are written in', exprs: ['up{job=~"$job",instance=~"$instance"}'], earlier: { job: pick('a.b', 'c') }, want: ['up{job=~"(a\\\\.b|c)"}'] },
    { name: 'later or unknown variables are dropped', exprs: ['up{job=~"$job",dc="$dc",instance=~"$instance"}'], earlier: {}, want: ['up'] },
    { name: 'an earlier variable that cannot be written there is dropped', exprs: ['up{job="$job",instance=~"$instance"}'], earlier: { job: ALL }, want: ['up'] },
    { name: 'nothing left to select by', exprs: ['{instance=~"$instance"}'], want: [] },
    { name: 'the variable used nowhere', exprs: ['up{job="a"}'], want: [] },
  ];
  it.each(cases)('$name', ({ exprs, earlier = {}, want }) => {
    expect(fallbackSelectors('instance', exprs, earlier)).toEqual(want);
  });
});

describe('planVariables', () => {
  const job = variableSchema.parse({ name: 'job', source: { values: ['api', 'db'] } });
  const instance = variableSchema.parse({ name: 'instance', source: { labelValues: 'instance', match: 'up{job=~"$job"}' } });
  const panels = ['mem{job=~"$job",instance=~"$instance"}'];

  it('writes the earlier variables into the selector and the fallback', () => {
    expect(planVariables([job, instance], { job: pick('db'), instance: ALL }, panels)).toEqual([
      { kind: 'fixed', options: ['api', 'db'] },
      { kind: 'server', request: { label: 'instance', match: 'up{job=~"db"}', fallback: ['mem{job=~"db"}'] } },
    ]);
  });

  it('never writes a later variable into an earlier one', () => {
    const first = variableSchema.parse({ name: 'first', source: { labelValues: 'x', match: 'up{instance=~"$instance"}' } });
    const [plan] = planVariables([first, instance], { instance: pick('web-1') }, []);
    expect(plan).toEqual({ kind: 'server', request: { label: 'x', match: 'up{instance=~"$instance"}', fallback: [] } });
  });

  it('is blocked, saying why, when the selector cannot take the earlier value', () => {
    const exact = variableSchema.parse({ name: 'instance', source: { labelValues: 'instance', match: 'up{job="$job"}' } });
    const [, plan] = planVariables([job, exact], { job: pick('api', 'db') }, []);
    expect(plan).toEqual({ kind: 'blocked', problem: expect.stringMatching(/\$job has 2 values selected but is used in an exact matcher/) });
  });

  it("no selector configured: the label's values anywhere (the fallback only follows a selector that finds nothing)", () => {
    const plain = variableSchema.parse({ name: 'instance', source: { labelValues: 'instance' } });
    expect(planVariables([plain], {}, panels)).toEqual([{ kind: 'server', request: { label: 'instance', match: undefined, fallback: ['mem'] } }]);
  });
});

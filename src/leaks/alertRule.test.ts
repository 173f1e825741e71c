import { alertName, leakRuleFile, legendAsTemplate, rangeOf } from './alertRule';

describe('the generated leak rule', () => {
  it('takes a range of a bare selector, and a subquery of any other expression', () => {
    expect(rangeOf('process_resident_memory_bytes{job="webapp",instance=~".*"}', '30m')).toBe('process_resident_memory_bytes{job="webapp",instance=~".*"}[30m]');
    expect(rangeOf(' up ', '30m')).toBe('up[30m]');
    expect(rangeOf('sum by (instance) (x{a="}"})', '30m')).toBe('(sum by (instance) (x{a="}"}))[30m:1m]');
    expect(rangeOf('a + b', '30m')).toBe('(a + b)[30m:1m]');
  });

  it('names the alert after the panel in CamelCase', () => {
    expect(alertName('Memory', 0, 1)).toBe('MemoryLeakPredicted');
    expect(alertName('heap (RSS) — web', 1, 2)).toBe('HeapRssWebLeakPredicted2');
    expect(alertName('5xx share', 0, 1)).toBe('Panel5xxShareLeakPredicted');
  });

  it('turns a legend into an alert template and keeps other braces literal', () => {
    expect(legendAsTemplate('{{instance}}')).toBe('{{ $labels.instance }}');
    expect(legendAsTemplate('{{ job }}/{{instance}} {x}')).toBe('{{ $labels.job }}/{{ $labels.instance }} {{ "{" }}x{{ "}" }}');
    expect(legendAsTemplate('')).toBeUndefined();
  });

  it('quotes what came from the dashboard, so a title cannot break out of its YAML scalar', () => {
    const yaml = leakRuleFile([{ panelId: 'p', panelTitle: 'Mem"ory\nalert: x', unit: 'bytes', queries: [{ expr: 'm' }], limit: 10, horizonMs: 3_600_000 }]);
    expect(yaml).toContain('summary: "Mem\\"ory\\nalert: x on course to reach 10 B within 1 h"');
    expect(yaml.match(/^\s+- alert:/gm)).toHaveLength(1);
  });
});

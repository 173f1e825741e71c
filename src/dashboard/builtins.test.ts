import { describe, expect, it } from 'vitest';
import { stepFacts } from '../time';
import { builtinValues, intervalFacts } from './builtins';
import { interpolateChecked } from './variables';

const S = 1000;
const H = 3600 * S;
const facts = (rangeMs: number, widthPx: number, scrapeIntervalMs = 15 * S) =>
  intervalFacts({ start: 0, end: rangeMs, step: stepFacts({ start: 0, end: rangeMs, widthPx }), scrapeIntervalMs });

describe('intervalFacts: Grafana’s $__rate_interval = max($__interval + scrape, 4 × scrape)', () => {
  it.each([
    { name: 'a short step: four scrapes win', range: H, width: 1200, scrape: 15 * S, interval: 10 * S, rate: 60 * S, rule: 'four-scrapes' },
    { name: 'the default dashboard: 30 s step, 1 m', range: 4.5 * H, width: 1100, scrape: 15 * S, interval: 30 * S, rate: 60 * S, rule: 'four-scrapes' },
    { name: 'a long step: step plus one scrape', range: 24 * H, width: 1000, scrape: 15 * S, interval: 5 * 60 * S, rate: 315 * S, rule: 'interval-plus-scrape' },
    { name: 'a slow scraper', range: H, width: 1200, scrape: 60 * S, interval: 10 * S, rate: 240 * S, rule: 'four-scrapes' },
    { name: 'the tie goes to interval + scrape', range: 4.5 * H, width: 1100, scrape: 10 * S, interval: 30 * S, rate: 40 * S, rule: 'interval-plus-scrape' },
  ])('$name', ({ range, width, scrape, interval, rate, rule }) => {
    const f = facts(range, width, scrape);
    expect({ intervalMs: f.intervalMs, rateIntervalMs: f.rateIntervalMs, rateRule: f.rateRule, rangeMs: f.rangeMs }).toEqual({ intervalMs: interval, rateIntervalMs: rate, rateRule: rule, rangeMs: range });
  });
});

describe('builtinValues in PromQL', () => {
  it('writes durations PromQL accepts, and the range in whole seconds', () => {
    const f = facts(24 * H + 500, 1000);
    const { expr, problems } = interpolateChecked(
      'rate(x[$__rate_interval]) + rate(x[${__interval}]) + increase(x[$__range]) + $__range_s + $__interval_ms + [[__range_ms]]',
      builtinValues(f),
    );
    expect(problems).toEqual([]);
    expect(expr).toBe('rate(x[5m15s]) + rate(x[5m]) + increase(x[86401s]) + 86401 + 300000 + 86400500');
  });
});

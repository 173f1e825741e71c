import { formatDuration, formatPromDuration } from '../time';
import type { IntervalFacts } from './builtins';

const d = formatPromDuration;
// A computed width per point is rarely whole: tenths of a second are enough to follow the rounding.
const approx = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 100) / 10}s` : formatDuration(ms));

function stepWhy(facts: IntervalFacts): string {
  const { step } = facts;
  switch (step.rule) {
    case 'width':
      return `the query step: ${formatDuration(facts.rangeMs)} over ${Math.round(step.widthPx)} px at one point per 2 px is ${approx(step.perPixelsMs)}, rounded up to a readable step`;
    case 'min-step':
      return `the query step: the minimum step, as ${formatDuration(facts.rangeMs)} over ${Math.round(step.widthPx)} px at one point per 2 px is only ${approx(step.perPixelsMs)}`;
    case 'max-points':
      return `the query step, raised to keep ${formatDuration(facts.rangeMs)} within 11,000 points per series (the server's limit)`;
  }
}

/** What the built-in variables stood for in the panel's queries, and Grafana's rule for each. */
export function BuiltinIntervals({ facts }: { readonly facts: IntervalFacts }) {
  const plus = facts.intervalMs + facts.scrapeIntervalMs;
  const four = 4 * facts.scrapeIntervalMs;
  const winner = facts.rateRule === 'four-scrapes' ? 'four scrapes' : 'the step plus one scrape';
  return (
    <dl className="inspector-intervals" aria-label="Built-in intervals">
      <dt>
        <code>$__interval</code> = {d(facts.intervalMs)}
      </dt>
      <dd>{stepWhy(facts)}.</dd>
      <dt>
        <code>$__rate_interval</code> = {d(facts.rateIntervalMs)}
      </dt>
      <dd>
        max($__interval + scrape interval, 4 × scrape interval) = max({d(facts.intervalMs)} + {d(facts.scrapeIntervalMs)}, 4 × {d(facts.scrapeIntervalMs)}) = max({d(plus)},{' '}
        {d(four)}): {winner}. The scrape interval is the data source&apos;s <code>scrapeInterval</code> in config.json.
      </dd>
      <dt>
        <code>$__range</code> = {Math.ceil(facts.rangeMs / 1000)}s
      </dt>
      <dd>the queried range, end − start, widened to whole steps.</dd>
    </dl>
  );
}

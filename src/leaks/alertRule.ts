import type { Unit } from '../series';
import { approximately, minutesFromNow } from './describeLeak';

export interface LeakRuleQuery {
  /** PromQL with the dashboard's variables already substituted. */
  readonly expr: string;
  /** Grafana-style legend template, e.g. "{{instance}}": reused to name the series in the alert. */
  readonly legend?: string;
}

export interface LeakRuleInput {
  readonly panelId: string;
  readonly panelTitle: string;
  readonly unit: Unit;
  readonly queries: readonly LeakRuleQuery[];
  readonly limit: number;
  readonly horizonMs: number;
}

export const LEAK_RULE_GROUP = 'vigil-leak-watch';
/**
 * predict_linear fits least squares over this range. Half an hour smooths a GC sawtooth of a few
 * minutes and still follows a leak of hours; `for` then asks the prediction to hold for a third of
 * that, so one noisy evaluation does not page anyone.
 */
export const LEAK_RULE_RANGE = '30m';
export const LEAK_RULE_FOR = '10m';
/** Resolution of the subquery when the panel's query is an expression rather than a selector. */
const SUBQUERY_STEP = '1m';

// A bare selector (`metric{a="b"}`) takes a range directly; anything else needs a subquery.
const SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^{}]*\})?$/;

/** `expr` over the last `range`, as a range vector predict_linear and deriv accept. */
export function rangeOf(expr: string, range: string): string {
  const trimmed = expr.trim();
  return SELECTOR.test(trimmed) ? `${trimmed}[${range}]` : `(${trimmed})[${range}:${SUBQUERY_STEP}]`;
}

/** "Memory (RSS)" → "MemoryRss": alert names read best as one CamelCase word. */
export function alertName(panelTitle: string, index: number, count: number): string {
  const words = panelTitle.match(/[A-Za-z0-9]+/g) ?? [];
  const camel = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
  const base = /^[A-Za-z_]/.test(camel) ? camel : `Panel${camel}`;
  return `${base}LeakPredicted${count > 1 ? index + 1 : ''}`;
}

/** A legend template as a Prometheus alert template: `{{instance}}` → `{{ $labels.instance }}`. */
export function legendAsTemplate(legend: string | undefined): string | undefined {
  if (!legend?.trim()) return undefined;
  const parts = legend.split(/(\{\{\s*[a-zA-Z_][a-zA-Z0-9_]*\s*\}\})/);
  return parts
    .map((part) => {
      const label = /^\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}$/.exec(part)?.[1];
      if (label) return `{{ $labels.${label} }}`;
      // Literal text: braces would open a Go template action.
      return part.replace(/[{}]+/g, (braces) => `{{ ${JSON.stringify(braces)} }}`);
    })
    .join('');
}

export interface LeakRule {
  readonly alert: string;
  readonly expr: string;
  readonly summary: string;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The rules (one per query) as data: what the YAML below writes out and the tests expect. */
export function leakRules(input: LeakRuleInput): LeakRule[] {
  const horizonSeconds = Math.round(input.horizonMs / 1000);
  const level = approximately(input.limit, input.unit);
  const within = minutesFromNow(input.horizonMs);
  return input.queries.map((query, i) => {
    const range = rangeOf(query.expr, LEAK_RULE_RANGE);
    const who = legendAsTemplate(query.legend);
    return {
      alert: alertName(input.panelTitle, i, input.queries.length),
      // deriv > 0: a leak is still growing; a level already above the limit and flat is the
      // threshold alert's business, not this one's.
      expr: `predict_linear(${range}, ${horizonSeconds}) > ${input.limit}\nand\nderiv(${range}) > 0`,
      summary: `${who ? `${who}: ` : ''}${input.panelTitle} on course to reach ${level} within ${within}`,
      description:
        `The least-squares trend of the last ${LEAK_RULE_RANGE} reaches ${level} (${input.limit}) within ${within} ` +
        `and is still rising. Written by vigil's leak watch for the panel "${input.panelTitle}".`,
      labels: { severity: 'warning', vigil_panel: input.panelId },
    };
  });
}

/** YAML scalars in JSON's double-quoted form, which YAML reads the same way. */
const quoted = (text: string) => JSON.stringify(text);

/** A Prometheus rule file (`rule_files:`) with the panel's leak rules, ready for `promtool check rules`. */
export function leakRuleFile(inputs: readonly LeakRuleInput[]): string {
  const lines = ['groups:', `  - name: ${quoted(LEAK_RULE_GROUP)}`, '    rules:'];
  for (const rule of inputs.flatMap(leakRules)) {
    lines.push(`      - alert: ${quoted(rule.alert)}`);
    lines.push('        expr: |-');
    for (const line of rule.expr.split('\n')) lines.push(`          ${line}`);
    lines.push(`        for: ${LEAK_RULE_FOR}`);
    lines.push('        labels:');
    for (const [name, value] of Object.entries(rule.labels)) lines.push(`          ${name}: ${quoted(value)}`);
    lines.push('        annotations:');
    lines.push(`          summary: ${quoted(rule.summary)}`);
    lines.push(`          description: ${quoted(rule.description)}`);
  }
  return `${lines.join('\n')}\n`;
}

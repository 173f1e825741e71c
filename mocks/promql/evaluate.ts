// Evaluates a parsed expression at every step of a range at once, column by column: each series is
// a value column plus a presence column over the steps, so a 1,000-step query walks each raw series
// once with two pointers instead of searching it a thousand times.
import type { AggregationOperator, ArithmeticOperator, Expr, LabelMatcher, VectorMatching } from './ast';
import { PromQLExecutionError } from './errors';
import { dropLabels, keepLabels, labelsKey, withoutName } from './labels';
import type { LabelSet } from './labels';
import { extrapolatedRate } from './rate';
import type { SeriesIndex } from './seriesIndex';

/** Prometheus' default `--query.lookback-delta`. */
export const LOOKBACK_DELTA_MS = 5 * 60_000;

export interface StepSeries {
  readonly labels: LabelSet;
  readonly values: Float64Array;
  /** 1 where the series has a value at that step. */
  readonly present: Uint8Array;
}

export type StepValue =
  | { readonly kind: 'scalar'; readonly values: Float64Array }
  | { readonly kind: 'vector'; readonly series: readonly StepSeries[] };

export interface EvalContext {
  readonly index: SeriesIndex;
  /** Evaluation timestamps (ms), ascending. */
  readonly steps: readonly number[];
}

/** First index whose timestamp is greater than `t`. */
export function upperBound(timestamps: readonly number[], t: number): number {
  let low = 0;
  let high = timestamps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((timestamps[middle] as number) <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}

function newSeries(labels: LabelSet, stepCount: number): StepSeries {
  return { labels, values: new Float64Array(stepCount), present: new Uint8Array(stepCount) };
}

function selectInstant(context: EvalContext, matchers: readonly LabelMatcher[]): StepSeries[] {
  const { steps } = context;
  const result: StepSeries[] = [];
  for (const raw of context.index.select(matchers, { steps, spanMs: LOOKBACK_DELTA_MS })) {
    const out = newSeries(raw.labels, steps.length);
    const { timestamps, values } = raw;
    let next = upperBound(timestamps, steps[0] ?? 0);
    let any = false;
    steps.forEach((t, k) => {
      while (next < timestamps.length && (timestamps[next] as number) <= t) next++;
      const latest = next - 1;
      if (latest >= 0 && (timestamps[latest] as number) > t - LOOKBACK_DELTA_MS && !raw.stale?.[latest]) {
        out.values[k] = values[latest] as number;
        out.present[k] = 1;
        any = true;
      }
    });
    if (any) result.push(out);
  }
  return result;
}

function evaluateRangeFunction(context: EvalContext, expr: Expr & { type: 'call' }): StepSeries[] {
  const { arg } = expr;
  if (arg.type !== 'matrixSelector') throw new Error(`unreachable: ${expr.func} takes a range selector`);
  const { steps } = context;
  const result: StepSeries[] = [];
  for (const raw of context.index.select(arg.matchers, { steps, spanMs: arg.rangeMs })) {
    const out = newSeries(withoutName(raw.labels), steps.length);
    const { timestamps, values } = raw;
    const firstStep = steps[0] ?? 0;
    // Window (t - range, t]: `first` is the first sample after its start, `end` the first after t.
    let first = upperBound(timestamps, firstStep - arg.rangeMs);
    let end = upperBound(timestamps, firstStep);
    let any = false;
    steps.forEach((t, k) => {
      while (first < timestamps.length && (timestamps[first] as number) <= t - arg.rangeMs) first++;
      while (end < timestamps.length && (timestamps[end] as number) <= t) end++;
      const value = extrapolatedRate(timestamps, values, first, end - 1, t - arg.rangeMs, t, expr.func === 'rate');
      if (value !== undefined) {
        out.values[k] = value;
        out.present[k] = 1;
        any = true;
      }
    });
    if (any) result.push(out);
  }
  return mergeSameLabels(result);
}

/**
 * After `__name__` is dropped two series may share a label set. Prometheus accepts that only while
 * they never have a value at the same step.
 */
function mergeSameLabels(series: readonly StepSeries[]): StepSeries[] {
  const byKey = new Map<string, StepSeries>();
  for (const s of series) {
    const key = labelsKey(s.labels);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, s);
      continue;
    }
    s.present.forEach((isPresent, k) => {
      if (!isPresent) return;
      if (existing.present[k]) throw new PromQLExecutionError('vector cannot contain metrics with the same labelset');
      existing.values[k] = s.values[k] as number;
      existing.present[k] = 1;
    });
  }
  return [...byKey.values()];
}

function aggregate(op: AggregationOperator, members: readonly StepSeries[], out: StepSeries): void {
  for (let k = 0; k < out.values.length; k++) {
    let count = 0;
    let accumulated = 0;
    for (const member of members) {
      if (!member.present[k]) continue;
      const value = member.values[k] as number;
      if (count === 0) accumulated = value;
      else if (op === 'sum' || op === 'avg') accumulated += value;
      // As Prometheus: a NaN is replaced by any later value, and never replaces a number.
      else if (op === 'max') accumulated = value > accumulated || Number.isNaN(accumulated) ? value : accumulated;
      else accumulated = value < accumulated || Number.isNaN(accumulated) ? value : accumulated;
      count++;
    }
    if (count === 0) continue;
    out.values[k] = op === 'avg' ? accumulated / count : accumulated;
    out.present[k] = 1;
  }
}

function evaluateAggregation(context: EvalContext, expr: Expr & { type: 'aggregation' }): StepSeries[] {
  const input = evaluateVector(context, expr.expr);
  const groups = new Map<string, { labels: LabelSet; members: StepSeries[] }>();
  for (const s of input) {
    const labels = expr.without
      ? dropLabels(s.labels, [...expr.grouping, '__name__'])
      : keepLabels(s.labels, expr.grouping);
    const key = labelsKey(labels);
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { labels, members: [s] });
  }
  return [...groups.values()].map(({ labels, members }) => {
    const out = newSeries(labels, context.steps.length);
    aggregate(expr.op, members, out);
    return out;
  });
}

function applyOperator(op: ArithmeticOperator, lhs: number, rhs: number): number {
  switch (op) {
    case '+':
      return lhs + rhs;
    case '-':
      return lhs - rhs;
    case '*':
      return lhs * rhs;
    case '/':
      return lhs / rhs;
  }
}

function vectorScalar(op: ArithmeticOperator, vector: readonly StepSeries[], scalar: Float64Array, scalarOnLeft: boolean): StepSeries[] {
  return mergeSameLabels(
    vector.map((s) => {
      const out = newSeries(withoutName(s.labels), scalar.length);
      for (let k = 0; k < scalar.length; k++) {
        if (!s.present[k]) continue;
        const v = s.values[k] as number;
        const c = scalar[k] as number;
        out.values[k] = scalarOnLeft ? applyOperator(op, c, v) : applyOperator(op, v, c);
        out.present[k] = 1;
      }
      return out;
    }),
  );
}

function matchingSignature(labels: LabelSet, matching: VectorMatching | null): string {
  if (!matching) return labelsKey(withoutName(labels));
  return labelsKey(matching.on ? keepLabels(labels, matching.labels) : withoutName(dropLabels(labels, matching.labels)));
}

function resultLabels(labels: LabelSet, matching: VectorMatching | null): LabelSet {
  const named = withoutName(labels);
  if (!matching) return named;
  return matching.on ? keepLabels(named, matching.labels) : dropLabels(named, matching.labels);
}

/** One-to-one vector matching, as Prometheus' VectorBinop for arithmetic operators. */
function vectorVector(
  op: ArithmeticOperator,
  lhs: readonly StepSeries[],
  rhs: readonly StepSeries[],
  matching: VectorMatching | null,
  stepCount: number,
): StepSeries[] {
  const rhsBySignature = new Map<string, StepSeries[]>();
  for (const s of rhs) {
    const signature = matchingSignature(s.labels, matching);
    const bucket = rhsBySignature.get(signature);
    if (bucket) bucket.push(s);
    else rhsBySignature.set(signature, [s]);
  }
  const lhsBySignature = new Map<string, StepSeries[]>();
  for (const s of lhs) {
    const signature = matchingSignature(s.labels, matching);
    const bucket = lhsBySignature.get(signature);
    if (bucket) bucket.push(s);
    else lhsBySignature.set(signature, [s]);
  }

  // The right-hand side is the "one" side: Prometheus refuses duplicates there even when unmatched.
  const rightAt = (group: readonly StepSeries[], signature: string, k: number): StepSeries | undefined => {
    let right: StepSeries | undefined;
    for (const candidate of group) {
      if (!candidate.present[k]) continue;
      if (right) {
        throw new PromQLExecutionError(
          `found duplicate series for the match group ${signature} on the right hand-side of the operation: ` +
            `[${labelsKey(right.labels)}, ${labelsKey(candidate.labels)}];many-to-many matching not allowed: matching labels must be unique on one side`,
        );
      }
      right = candidate;
    }
    return right;
  };
  for (const [signature, group] of rhsBySignature) {
    if (group.length > 1) for (let k = 0; k < stepCount; k++) rightAt(group, signature, k);
  }

  const outputs = new Map<string, StepSeries>();
  for (const [signature, lhsGroup] of lhsBySignature) {
    const rhsGroup = rhsBySignature.get(signature);
    if (!rhsGroup) continue;
    for (let k = 0; k < stepCount; k++) {
      const right = rightAt(rhsGroup, signature, k);
      if (!right) continue;
      let matchedLeft = false;
      for (const left of lhsGroup) {
        if (!left.present[k]) continue;
        if (matchedLeft) {
          throw new PromQLExecutionError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
        }
        matchedLeft = true;
        const labels = resultLabels(left.labels, matching);
        const key = labelsKey(labels);
        let out = outputs.get(key);
        if (!out) {
          out = newSeries(labels, stepCount);
          outputs.set(key, out);
        }
        out.values[k] = applyOperator(op, left.values[k] as number, right.values[k] as number);
        out.present[k] = 1;
      }
    }
  }
  return [...outputs.values()];
}

function evaluateBinary(context: EvalContext, expr: Expr & { type: 'binary' }): StepValue {
  const lhs = evaluateStep(context, expr.lhs);
  const rhs = evaluateStep(context, expr.rhs);
  const stepCount = context.steps.length;
  if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
    return { kind: 'scalar', values: lhs.values.map((v, k) => applyOperator(expr.op, v, rhs.values[k] as number)) };
  }
  if (lhs.kind === 'vector' && rhs.kind === 'scalar') {
    return { kind: 'vector', series: vectorScalar(expr.op, lhs.series, rhs.values, false) };
  }
  if (lhs.kind === 'scalar' && rhs.kind === 'vector') {
    return { kind: 'vector', series: vectorScalar(expr.op, rhs.series, lhs.values, true) };
  }
  if (lhs.kind === 'vector' && rhs.kind === 'vector') {
    return { kind: 'vector', series: vectorVector(expr.op, lhs.series, rhs.series, expr.matching, stepCount) };
  }
  throw new Error('unreachable: binary operands are scalars or vectors');
}

function evaluateVector(context: EvalContext, expr: Expr): readonly StepSeries[] {
  const value = evaluateStep(context, expr);
  if (value.kind !== 'vector') throw new Error('unreachable: the parser checked for an instant vector');
  return value.series;
}

/** Evaluates a scalar or instant-vector expression at every step of `context.steps`. */
export function evaluateStep(context: EvalContext, expr: Expr): StepValue {
  switch (expr.type) {
    case 'number':
      return { kind: 'scalar', values: new Float64Array(context.steps.length).fill(expr.value) };
    case 'vectorSelector':
      return { kind: 'vector', series: selectInstant(context, expr.matchers) };
    case 'call':
      return { kind: 'vector', series: evaluateRangeFunction(context, expr) };
    case 'aggregation':
      return { kind: 'vector', series: evaluateAggregation(context, expr) };
    case 'binary':
      return evaluateBinary(context, expr);
    case 'unaryMinus': {
      const operand = evaluateStep(context, expr.expr);
      if (operand.kind === 'scalar') return { kind: 'scalar', values: operand.values.map((v) => -v) };
      return { kind: 'vector', series: vectorScalar('*', operand.series, new Float64Array(context.steps.length).fill(-1), false) };
    }
    case 'matrixSelector':
      throw new Error('unreachable: range selectors are evaluated by the query API');
  }
}

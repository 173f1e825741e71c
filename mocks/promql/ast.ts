// The parsed form of the PromQL subset the demo backend evaluates.

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly name: string;
  readonly type: MatchType;
  readonly value: string;
  /** Compiled, fully anchored, for the regex match types. */
  readonly regex?: RegExp;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type AggregationOperator = 'sum' | 'avg' | 'min' | 'max';
export type RangeFunction = 'rate' | 'increase';

export interface VectorMatching {
  /** `on(…)` when true, `ignoring(…)` when false. */
  readonly on: boolean;
  readonly labels: readonly string[];
}

export type Expr =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'vectorSelector'; readonly matchers: readonly LabelMatcher[] }
  | { readonly type: 'matrixSelector'; readonly matchers: readonly LabelMatcher[]; readonly rangeMs: number }
  | { readonly type: 'call'; readonly func: RangeFunction; readonly arg: Expr }
  | {
      readonly type: 'aggregation';
      readonly op: AggregationOperator;
      readonly without: boolean;
      /** Empty with `without: false` and no clause: aggregate everything into one series. */
      readonly grouping: readonly string[];
      readonly expr: Expr;
    }
  | {
      readonly type: 'binary';
      readonly op: ArithmeticOperator;
      readonly lhs: Expr;
      readonly rhs: Expr;
      readonly matching: VectorMatching | null;
    }
  | { readonly type: 'unaryMinus'; readonly expr: Expr };

export type ValueType = 'scalar' | 'vector' | 'matrix';

export function valueTypeOf(expr: Expr): ValueType {
  switch (expr.type) {
    case 'number':
      return 'scalar';
    case 'matrixSelector':
      return 'matrix';
    case 'binary':
      return valueTypeOf(expr.lhs) === 'scalar' && valueTypeOf(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'unaryMinus':
      return valueTypeOf(expr.expr);
    default:
      return 'vector';
  }
}

/** Prometheus' names for value types in its messages. */
export function describeValueType(type: ValueType): string {
  return type === 'matrix' ? 'range vector' : type === 'vector' ? 'instant vector' : 'scalar';
}

// A recursive-descent parser for the demo's PromQL subset. It knows the rest of PromQL well enough
// to tell "valid but not supported here" (PromQLUnsupportedError) from "not PromQL" (PromQLParseError).
import { describeValueType, valueTypeOf } from './ast';
import type { AggregationOperator, ArithmeticOperator, Expr, LabelMatcher, MatchType, VectorMatching } from './ast';
import { PromQLParseError, PromQLUnsupportedError } from './errors';
import { tokenize } from './lexer';
import type { Token } from './lexer';

const SUPPORTED_AGGREGATIONS: ReadonlySet<string> = new Set(['sum', 'avg', 'min', 'max']);
const OTHER_AGGREGATIONS: ReadonlySet<string> = new Set([
  'count', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values', 'group', 'limitk', 'limit_ratio',
]);
const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(['rate', 'increase']);
const OTHER_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs', 'absent', 'absent_over_time', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'avg_over_time', 'ceil',
  'changes', 'clamp', 'clamp_max', 'clamp_min', 'cos', 'cosh', 'count_over_time', 'day_of_month', 'day_of_week',
  'day_of_year', 'days_in_month', 'deg', 'delta', 'deriv', 'double_exponential_smoothing', 'exp', 'floor',
  'histogram_avg', 'histogram_count', 'histogram_fraction', 'histogram_quantile', 'histogram_stddev',
  'histogram_stdvar', 'histogram_sum', 'holt_winters', 'hour', 'idelta', 'info', 'irate', 'label_join',
  'label_replace', 'last_over_time', 'ln', 'log10', 'log2', 'mad_over_time', 'max_over_time', 'min_over_time',
  'minute', 'month', 'pi', 'predict_linear', 'present_over_time', 'quantile_over_time', 'rad', 'resets', 'round',
  'scalar', 'sgn', 'sin', 'sinh', 'sort', 'sort_by_label', 'sort_by_label_desc', 'sort_desc', 'sqrt',
  'stddev_over_time', 'stdvar_over_time', 'sum_over_time', 'tan', 'tanh', 'time', 'timestamp', 'vector', 'year',
]);
const UNSUPPORTED_OPERATORS: ReadonlySet<string> = new Set(['^', '%', '==', '!=', '>', '<', '>=', '<=']);
const UNSUPPORTED_KEYWORD_OPERATORS: ReadonlySet<string> = new Set(['and', 'or', 'unless', 'atan2']);
const MATCH_TYPES: ReadonlySet<string> = new Set(['=', '!=', '=~', '!~']);
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DURATION_PART = /([0-9]+)(ms|[smhdwy])/g;
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000,
};

export function parseDurationMs(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) total += Number(amount) * (UNIT_MS[unit ?? ''] ?? NaN);
  return total;
}

/** RE2 semantics as Prometheus applies them: fully anchored, `.` matches newlines. */
function compileMatcherRegex(input: string, position: number, source: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`, 's');
  } catch (error) {
    throw new PromQLParseError(input, position, `error parsing regexp: ${(error as Error).message}`);
  }
}

export function matchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.type) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return matcher.regex?.test('') ?? false;
    case '!~':
      return !(matcher.regex?.test('') ?? false);
  }
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `string ${JSON.stringify(JSON.stringify(token.text))}`;
    case 'operator':
      return `"${token.text}"`;
    default:
      return `${token.kind} "${token.text}"`;
  }
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
    this.tokens = tokenize(input);
  }

  parse(): Expr {
    if (this.peek().kind === 'eof') throw this.error(this.peek(), 'no expression found in input');
    const expr = this.parseAdditive();
    const next = this.peek();
    if (next.kind !== 'eof') throw this.unexpected(next);
    return expr;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isOperator(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'operator' && token.text === text;
  }

  private isKeyword(text: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text.toLowerCase() === text;
  }

  private expectOperator(text: string, context: string): Token {
    const token = this.next();
    if (token.kind !== 'operator' || token.text !== text) throw this.unexpected(token, context);
    return token;
  }

  private error(token: Token, detail: string): PromQLParseError {
    return new PromQLParseError(this.input, token.position, detail);
  }

  private unexpected(token: Token, context?: string): PromQLParseError {
    return this.error(token, `unexpected ${describeToken(token)}${context ? ` ${context}` : ''}`);
  }

  /** Expects a closing parenthesis; at the end of input Prometheus reports the opening one. */
  private expectClosingParenthesis(context: string): void {
    if (this.peek().kind === 'eof') throw this.error(this.peek(), 'unclosed left parenthesis');
    this.expectOperator(')', context);
  }

  private unsupported(feature: string): PromQLUnsupportedError {
    return new PromQLUnsupportedError(this.input, feature);
  }

  private rejectUnsupportedOperator(): void {
    const token = this.peek();
    if (token.kind === 'operator' && UNSUPPORTED_OPERATORS.has(token.text)) {
      throw this.unsupported(`the "${token.text}" operator`);
    }
    if (token.kind === 'identifier' && UNSUPPORTED_KEYWORD_OPERATORS.has(token.text.toLowerCase())) {
      throw this.unsupported(`the "${token.text}" operator`);
    }
  }

  private parseAdditive(): Expr {
    const start = this.peek();
    let lhs = this.parseMultiplicative();
    while (this.isOperator('+') || this.isOperator('-')) lhs = this.parseBinaryRest(start, lhs, () => this.parseMultiplicative());
    return lhs;
  }

  private parseMultiplicative(): Expr {
    const start = this.peek();
    let lhs = this.parseUnary();
    while (this.isOperator('*') || this.isOperator('/')) lhs = this.parseBinaryRest(start, lhs, () => this.parseUnary());
    return lhs;
  }

  private parseBinaryRest(start: Token, lhs: Expr, parseOperand: () => Expr): Expr {
    const op = this.next().text as ArithmeticOperator;
    if (this.isKeyword('bool')) throw this.unsupported('the "bool" modifier');
    let matching: VectorMatching | null = null;
    if (this.isKeyword('on') || this.isKeyword('ignoring')) {
      const on = this.next().text.toLowerCase() === 'on';
      matching = { on, labels: this.parseLabelList() };
    }
    if (this.isKeyword('group_left') || this.isKeyword('group_right')) {
      throw this.unsupported(`"${this.peek().text}" (many-to-one matching)`);
    }
    const rhs = parseOperand();
    const lhsType = valueTypeOf(lhs);
    const rhsType = valueTypeOf(rhs);
    if (lhsType === 'matrix' || rhsType === 'matrix') {
      throw this.error(start, 'binary expression must contain only scalar and instant vector types');
    }
    if (matching && (lhsType !== 'vector' || rhsType !== 'vector')) {
      throw this.error(start, 'vector matching only allowed between instant vectors');
    }
    return { type: 'binary', op, lhs, rhs, matching };
  }

  private parseUnary(): Expr {
    if (this.isOperator('-') || this.isOperator('+')) {
      const sign = this.next();
      const operand = this.parseUnary();
      const type = valueTypeOf(operand);
      if (type === 'matrix') {
        throw this.error(sign, `unary expression only allowed on expressions of type scalar or instant vector, got "${describeValueType(type)}"`);
      }
      if (sign.text === '+') return operand;
      return operand.type === 'number' ? { type: 'number', value: -operand.value } : { type: 'unaryMinus', expr: operand };
    }
    const expr = this.parsePostfix();
    this.rejectUnsupportedOperator();
    return expr;
  }

  private parsePostfix(): Expr {
    const parenthesized = this.isOperator('(');
    let expr = this.parsePrimary();
    if (this.isOperator('[')) {
      const open = this.next();
      const duration = this.next();
      if (duration.kind !== 'duration') throw this.unexpected(duration, 'in range, expected duration');
      if (this.isOperator(':')) throw this.unsupported('a subquery');
      this.expectOperator(']', 'in range, expected "]"');
      if (expr.type !== 'vectorSelector' || parenthesized) {
        throw this.error(open, 'ranges only allowed for vector selectors');
      }
      expr = { type: 'matrixSelector', matchers: expr.matchers, rangeMs: parseDurationMs(duration.text) };
    }
    if (this.isKeyword('offset')) throw this.unsupported('the "offset" modifier');
    if (this.isOperator('@')) throw this.unsupported('the "@" modifier');
    return expr;
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return { type: 'number', value: token.text.toLowerCase().startsWith('0x') ? parseInt(token.text, 16) : Number(token.text) };
    }
    if (token.kind === 'string') throw this.unsupported('a string literal');
    if (token.kind === 'duration') throw this.unexpected(token);
    if (this.isOperator('(')) {
      this.next();
      const inner = this.parseAdditive();
      this.expectClosingParenthesis('in parenthesized expression, expected ")"');
      return inner;
    }
    if (this.isOperator('{')) return this.parseSelector(null);
    if (token.kind !== 'identifier') throw this.unexpected(token);

    const lower = token.text.toLowerCase();
    if (lower === 'inf' || lower === 'nan') {
      this.next();
      return { type: 'number', value: lower === 'inf' ? Infinity : NaN };
    }
    const followedByCall = this.isOperator('(', 1);
    const followedByGrouping = ['by', 'without'].includes(this.peek(1).text.toLowerCase()) && this.peek(1).kind === 'identifier';
    if (SUPPORTED_AGGREGATIONS.has(lower) && (followedByCall || followedByGrouping)) return this.parseAggregation();
    if (OTHER_AGGREGATIONS.has(lower) && (followedByCall || followedByGrouping)) {
      throw this.unsupported(`the "${token.text}" aggregation`);
    }
    if (followedByCall) return this.parseCall();
    if (['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset'].includes(lower)) {
      throw this.unexpected(token);
    }
    this.next();
    return this.parseSelector(token);
  }

  private parseAggregation(): Expr {
    const opToken = this.next();
    const op = opToken.text.toLowerCase() as AggregationOperator;
    const grouping = { given: false, without: false, labels: [] as readonly string[] };
    const readGrouping = (): void => {
      grouping.given = true;
      grouping.without = this.next().text.toLowerCase() === 'without';
      grouping.labels = this.parseLabelList();
    };
    if (this.isKeyword('by') || this.isKeyword('without')) readGrouping();
    this.expectOperator('(', 'in aggregation, expected "("');
    if (this.isOperator(')')) throw this.error(this.peek(), 'no arguments for aggregate expression provided');
    const argumentStart = this.peek();
    const expr = this.parseAdditive();
    let argumentCount = 1;
    while (this.isOperator(',')) {
      this.next();
      this.parseAdditive();
      argumentCount++;
    }
    this.expectClosingParenthesis('in aggregation, expected ")"');
    if (argumentCount !== 1) {
      throw this.error(opToken, `wrong number of arguments for aggregate expression provided, expected 1, got ${argumentCount}`);
    }
    if (!grouping.given && (this.isKeyword('by') || this.isKeyword('without'))) readGrouping();
    const type = valueTypeOf(expr);
    if (type !== 'vector') {
      throw this.error(argumentStart, `expected type instant vector in aggregation expression, got ${describeValueType(type)}`);
    }
    return { type: 'aggregation', op, without: grouping.without, grouping: grouping.labels, expr };
  }

  private parseCall(): Expr {
    const nameToken = this.next();
    const name = nameToken.text;
    if (OTHER_FUNCTIONS.has(name)) throw this.unsupported(`the function "${name}"`);
    if (!SUPPORTED_FUNCTIONS.has(name)) throw this.error(nameToken, `unknown function with name "${name}"`);
    this.expectOperator('(', 'in function call, expected "("');
    const args: Expr[] = [];
    const argumentStart = this.peek();
    if (!this.isOperator(')')) {
      args.push(this.parseAdditive());
      while (this.isOperator(',')) {
        this.next();
        args.push(this.parseAdditive());
      }
    }
    this.expectClosingParenthesis('in function call, expected ")"');
    const [arg] = args;
    if (args.length !== 1 || !arg) {
      throw this.error(nameToken, `expected 1 argument(s) in call to "${name}", got ${args.length}`);
    }
    const type = valueTypeOf(arg);
    if (type !== 'matrix') {
      throw this.error(argumentStart, `expected type range vector in call to function "${name}", got ${describeValueType(type)}`);
    }
    return { type: 'call', func: name as 'rate' | 'increase', arg };
  }

  private parseLabelList(): string[] {
    this.expectOperator('(', 'in grouping opts, expected "("');
    const labels: string[] = [];
    while (!this.isOperator(')')) {
      if (this.peek().kind === 'eof') throw this.error(this.peek(), 'unclosed left parenthesis');
      const label = this.next();
      if (label.kind !== 'identifier' || !LABEL_NAME.test(label.text)) throw this.unexpected(label, 'in grouping opts, expected label');
      labels.push(label.text);
      if (this.isOperator(',')) this.next();
      else if (!this.isOperator(')')) throw this.unexpected(this.peek(), 'in grouping opts, expected "," or ")"');
    }
    this.next();
    return labels;
  }

  private parseSelector(nameToken: Token | null): Expr {
    const matchers: LabelMatcher[] = [];
    const start = nameToken ?? this.peek();
    if (nameToken) matchers.push({ name: '__name__', type: '=', value: nameToken.text });
    if (this.isOperator('{')) {
      this.next();
      while (!this.isOperator('}')) {
        if (this.peek().kind === 'eof') throw this.error(this.peek(), 'unexpected end of input inside braces');
        matchers.push(this.parseMatcher());
        if (this.isOperator(',')) this.next();
        else if (this.peek().kind === 'eof') throw this.error(this.peek(), 'unexpected end of input inside braces');
        else if (!this.isOperator('}')) throw this.unexpected(this.peek(), 'in label matching, expected "," or "}"');
      }
      this.next();
    }
    if (nameToken && matchers.some((m, i) => i > 0 && m.name === '__name__')) {
      throw this.error(start, 'metric name must not be set twice');
    }
    if (matchers.every(matchesEmpty)) {
      throw this.error(start, 'vector selector must contain at least one non-empty matcher');
    }
    return { type: 'vectorSelector', matchers };
  }

  private parseMatcher(): LabelMatcher {
    const label = this.next();
    if (label.kind !== 'identifier' || !LABEL_NAME.test(label.text)) {
      throw this.unexpected(label, 'in label matching, expected label');
    }
    const op = this.next();
    if (op.kind !== 'operator' || !MATCH_TYPES.has(op.text)) {
      throw this.unexpected(op, 'in label matching, expected label matching operator');
    }
    const value = this.next();
    if (value.kind !== 'string') throw this.unexpected(value, 'in label matching, expected string');
    const type = op.text as MatchType;
    if (type === '=~' || type === '!~') {
      return { name: label.text, type, value: value.text, regex: compileMatcherRegex(this.input, label.position, value.text) };
    }
    return { name: label.text, type, value: value.text };
  }
}

/** Parses `input`; throws PromQLParseError or PromQLUnsupportedError. */
export function parsePromQL(input: string): Expr {
  return new Parser(input).parse();
}

/** Parses a `match[]`-style series selector (what /series, /labels and /label/…/values accept). */
export function parseSeriesSelector(input: string): readonly LabelMatcher[] {
  const expr = parsePromQL(input);
  if (expr.type !== 'vectorSelector') {
    throw new PromQLParseError(input, 0, `expected type instant vector selector, got ${expr.type === 'matrixSelector' ? 'range vector selector' : 'expression'}`);
  }
  return expr.matchers;
}

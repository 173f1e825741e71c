// Tokens of PromQL, enough to parse the demo subset and to recognise (and refuse) the rest.
import { PromQLParseError } from './errors';

export type TokenKind = 'identifier' | 'number' | 'duration' | 'string' | 'operator' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text; for strings, the unescaped value. */
  readonly text: string;
  readonly position: number;
}

const WHITESPACE_OR_COMMENT = /(?:\s+|#[^\n]*)+/y;
const IDENTIFIER = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const DURATION = /(?:[0-9]+(?:ms|[smhdwy]))+/y;
const NUMBER = /0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
// Longest first, so `!=` is not read as `!` and `=`.
const OPERATORS = ['=~', '!~', '!=', '==', '>=', '<=', '{', '}', '(', ')', '[', ']', ',', '=', '+', '-', '*', '/', '^', '%', '>', '<', '@', ':'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

function matchAt(pattern: RegExp, input: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(input)?.[0];
}

function readString(input: string, start: number): { value: string; end: number } {
  const quote = input[start];
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const char = input[i] ?? '';
    if (char === quote) return { value, end: i + 1 };
    if (char === '\\' && quote !== '`') {
      const next = input[i + 1] ?? '';
      if (next === 'u' || next === 'x') {
        const digits = next === 'u' ? 4 : 2;
        const hex = input.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
          throw new PromQLParseError(input, i, 'invalid escape sequence in string');
        }
        value += String.fromCharCode(parseInt(hex, 16));
        i += 2 + digits;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw new PromQLParseError(input, i, `unknown escape sequence U+${next.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} '${next}'`);
      value += escaped;
      i += 2;
      continue;
    }
    if (char === '\n' && quote !== '`') break;
    value += char;
    i++;
  }
  throw new PromQLParseError(input, start, 'unterminated quoted string');
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let insideBrackets = false;
  while (position < input.length) {
    const skipped = matchAt(WHITESPACE_OR_COMMENT, input, position);
    if (skipped) {
      position += skipped.length;
      continue;
    }
    const char = input[position] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      const { value, end } = readString(input, position);
      tokens.push({ kind: 'string', text: value, position });
      position = end;
      continue;
    }
    const duration = matchAt(DURATION, input, position);
    if (duration && !/[a-zA-Z0-9_]/.test(input[position + duration.length] ?? '')) {
      tokens.push({ kind: 'duration', text: duration, position });
      position += duration.length;
      continue;
    }
    const number = matchAt(NUMBER, input, position);
    if (number) {
      tokens.push({ kind: 'number', text: number, position });
      position += number.length;
      continue;
    }
    // Inside a range, `:` separates a subquery's range from its step; elsewhere it may start a metric name.
    const identifier = insideBrackets && char === ':' ? undefined : matchAt(IDENTIFIER, input, position);
    if (identifier) {
      tokens.push({ kind: 'identifier', text: identifier, position });
      position += identifier.length;
      continue;
    }
    const operator = OPERATORS.find((op) => input.startsWith(op, position));
    if (!operator) throw new PromQLParseError(input, position, `unexpected character: '${char}'`);
    if (operator === '[') insideBrackets = true;
    if (operator === ']') insideBrackets = false;
    tokens.push({ kind: 'operator', text: operator, position });
    position += operator.length;
  }
  tokens.push({ kind: 'eof', text: '', position: input.length });
  return tokens;
}

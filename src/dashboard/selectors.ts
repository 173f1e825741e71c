/** One label matcher of a selector, as written (`instance=~"$instance"`). */
export interface WrittenMatcher {
  /** The label name as written: an identifier, or a quoted name (Prometheus 3). */
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  /** The string literal as written, quotes included. */
  readonly value: string;
  /** The whole matcher as written. */
  readonly text: string;
}

/** A braced series selector found in PromQL: `metric{…}` or `{…}`. */
export interface WrittenSelector {
  readonly metric: string | undefined;
  /** Matchers as written; a quoted metric name inside the braces (`{"a.b"}`) is kept in `others`. */
  readonly matchers: readonly WrittenMatcher[];
  readonly others: readonly string[];
}

const METRIC_BEFORE_BRACE = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const OPERATOR = /^(=~|!~|!=|=)/;
// Words before a `{` that are PromQL's own, not a metric name (`up and {job="a"}`).
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'atan2']);

/**
 * The braced series selectors of a PromQL expression, skipping string literals and comments
 * outside them. A selector that cannot be read (a template typo, an unterminated string) is left
 * out rather than guessed: callers use these to narrow a request, never to build the query itself.
 * Bare metric names (`up`, `rate(x[5m])`) carry no matcher, hence nothing a variable filters.
 */
export function writtenSelectors(expr: string): WrittenSelector[] {
  const found: WrittenSelector[] = [];
  let i = 0;
  while (i < expr.length) {
    const char = expr[i] as string;
    if (char === '#') {
      const end = expr.indexOf('\n', i);
      i = end === -1 ? expr.length : end + 1;
    } else if (char === '"' || char === "'" || char === '`') {
      i = stringEnd(expr, i);
    } else if (char === '{') {
      const word = METRIC_BEFORE_BRACE.exec(expr.slice(0, i))?.[1];
      const metric = word !== undefined && !KEYWORDS.has(word.toLowerCase()) ? word : undefined;
      const read = readMatchers(expr, i + 1);
      if (read.selector) found.push({ metric, ...read.selector });
      i = read.next;
    } else {
      i++;
    }
  }
  return found;
}

/** Writes a selector back as PromQL; null when nothing is left to select by (Prometheus refuses `{}`). */
export function writeSelector(metric: string | undefined, matchers: readonly string[]): string | null {
  if (metric === undefined && matchers.length === 0) return null;
  if (matchers.length === 0) return metric as string;
  return `${metric ?? ''}{${matchers.join(',')}}`;
}

/** Index just after the literal opened at `from`, or the end of an unterminated one. */
function stringEnd(expr: string, from: number): number {
  const quote = expr[from];
  for (let j = from + 1; j < expr.length; j++) {
    const char = expr[j];
    if (char === '\\' && quote !== '`') j++;
    else if (char === quote) return j + 1;
  }
  return expr.length;
}

function readString(expr: string, at: number): string | null {
  const quote = expr[at];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  const end = stringEnd(expr, at);
  if (expr[end - 1] !== quote || end - at < 2) return null;
  return expr.slice(at, end);
}

function skipSpace(expr: string, at: number): number {
  while (at < expr.length && /\s/.test(expr[at] as string)) at++;
  return at;
}

/** Reads `label op "value", …}` from just after a `{`. */
function readMatchers(expr: string, from: number): { selector?: Omit<WrittenSelector, 'metric'>; next: number } {
  const matchers: WrittenMatcher[] = [];
  const others: string[] = [];
  let at = skipSpace(expr, from);
  const giveUp = () => {
    // Resume after the closing brace, skipping strings inside, so their braces are not selectors.
    let j = at;
    while (j < expr.length && expr[j] !== '}') j = expr[j] === '"' || expr[j] === "'" || expr[j] === '`' ? stringEnd(expr, j) : j + 1;
    return { next: j + 1 };
  };
  while (expr[at] !== '}') {
    if (at >= expr.length) return giveUp();
    const start = at;
    const quotedName = readString(expr, at);
    const label = quotedName ?? LABEL_NAME.exec(expr.slice(at))?.[0];
    if (!label) return giveUp();
    at = skipSpace(expr, at + label.length);
    const op = OPERATOR.exec(expr.slice(at))?.[0] as WrittenMatcher['op'] | undefined;
    if (op) {
      at = skipSpace(expr, at + op.length);
      const value = readString(expr, at);
      if (!value) return giveUp();
      at += value.length;
      matchers.push({ label, op, value, text: expr.slice(start, at) });
    } else if (quotedName) {
      others.push(quotedName);
    } else {
      return giveUp();
    }
    at = skipSpace(expr, at);
    if (expr[at] === ',') at = skipSpace(expr, at + 1);
    else if (expr[at] !== '}') return giveUp();
  }
  return { selector: { matchers, others }, next: at + 1 };
}

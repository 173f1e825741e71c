// Errors of the demo PromQL engine, carrying the Prometheus API `errorType` they answer with.

export type PromQLErrorType = 'bad_data' | 'execution';

export class PromQLError extends Error {
  readonly errorType: PromQLErrorType;

  constructor(message: string, errorType: PromQLErrorType) {
    super(message);
    this.name = 'PromQLError';
    this.errorType = errorType;
  }
}

/** Not valid PromQL; the message reads like Prometheus' own (`1:5: parse error: …`). */
export class PromQLParseError extends PromQLError {
  readonly position: number;

  constructor(expression: string, position: number, detail: string) {
    super(`${lineAndColumn(expression, position)}: parse error: ${detail}`, 'bad_data');
    this.name = 'PromQLParseError';
    this.position = position;
  }
}

export const SUPPORTED_SUBSET =
  'only selectors, rate/increase, sum/avg/min/max by, and + - * / are supported';

/** Valid PromQL that the demo backend does not evaluate. */
export class PromQLUnsupportedError extends PromQLError {
  readonly feature: string;

  constructor(expression: string, feature: string) {
    super(`demo backend: cannot evaluate "${expression}": ${SUPPORTED_SUBSET} (found ${feature})`, 'bad_data');
    this.name = 'PromQLUnsupportedError';
    this.feature = feature;
  }
}

/** Evaluation failed on the data (e.g. ambiguous vector matching), as Prometheus' `execution` errors. */
export class PromQLExecutionError extends PromQLError {
  constructor(message: string) {
    super(message, 'execution');
    this.name = 'PromQLExecutionError';
  }
}

/** Prometheus reports positions as `line:column`, both 1-based. */
function lineAndColumn(expression: string, position: number): string {
  const before = expression.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

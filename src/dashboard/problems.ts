import { isPromClientError } from '../prometheus';
import type { PanelProblem } from '../panels';

const TITLES: Record<string, string> = {
  bad_query: 'Bad query',
  execution: 'The server could not execute the query',
  timeout: 'The query timed out',
  too_many_points: 'Too many points for this range',
  unavailable: 'Server unavailable',
  unauthorized: 'Access refused by the server',
  malformed: 'Malformed response from the server',
  too_large: 'The answer is too large to show',
  http: 'Request failed',
};

/** Puts a query failure into words; the server's own message is kept verbatim. */
export function describeQueryError(error: unknown, expr: string): PanelProblem | null {
  if (isPromClientError(error)) {
    if (error.kind === 'aborted') return null;
    return { kind: error.kind, title: TITLES[error.kind] ?? 'Request failed', message: error.message, expr };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', title: 'Request failed', message, expr };
}

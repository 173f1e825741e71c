import { isPromClientError, type PromErrorKind } from '../prometheus';
import type { PanelProblem } from '../panels';

/**
 * The heading of a panel's error, one for every kind a query can fail with (an aborted query is
 * not a failure: the panel asked for it). Typed against the kind union so that a new kind without
 * a title does not compile.
 */
export const QUERY_ERROR_TITLES: Readonly<Record<Exclude<PromErrorKind, 'aborted'>, string>> = {
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
    return { kind: error.kind, title: QUERY_ERROR_TITLES[error.kind], message: error.message, expr };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', title: 'Request failed', message, expr };
}

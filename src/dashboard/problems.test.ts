import { PromClientError, type PromErrorKind } from '../prometheus';
import { describeQueryError, QUERY_ERROR_TITLES } from './problems';

describe('describeQueryError', () => {
  const kinds = Object.keys(QUERY_ERROR_TITLES) as Exclude<PromErrorKind, 'aborted'>[];

  it.each(kinds)('heads a %s failure with its own title and keeps the message verbatim', (kind) => {
    const problem = describeQueryError(new PromClientError(kind, 'parse error at char 5'), 'up{');
    expect(problem).toEqual({ kind, title: QUERY_ERROR_TITLES[kind], message: 'parse error at char 5', expr: 'up{' });
  });

  it('gives every kind a different title', () => {
    expect(new Set(Object.values(QUERY_ERROR_TITLES)).size).toBe(kinds.length);
  });

  it('says nothing of a query the panel cancelled itself', () => {
    expect(describeQueryError(new PromClientError('aborted', 'The request was cancelled'), 'up')).toBeNull();
  });

  it('words an error from elsewhere as a failed request', () => {
    expect(describeQueryError(new TypeError('boom'), 'up')).toEqual({ kind: 'unknown', title: 'Request failed', message: 'boom', expr: 'up' });
  });
});

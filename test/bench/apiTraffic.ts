// Watches the page's Prometheus API traffic: how many answers came back (so we know the refreshes
// ran), how many requests were in flight at once, and whether a refresh started before the
// previous one for the same query had been answered.
import type { Page, Request } from 'playwright-core';

const API_PATH = '/api/v1/';

export interface ApiTrafficSummary {
  readonly requests: number;
  readonly responses: number;
  /** Requests that never got an answer: aborted by the app (a newer refresh) or failed. */
  readonly failed: number;
  readonly maxInFlight: number;
  /** Requests started while a request for the same expression was still in flight. */
  readonly overlapping: number;
  /** Distinct `end` parameters of range queries: one per refresh that asked the server. */
  readonly refreshRounds: number;
}

export interface ApiTraffic {
  summary(): ApiTrafficSummary;
  /** Range-query `end` values (ms) seen since `sinceMs` (page time of the request, epoch ms). */
  roundsSince(sinceMs: number): number;
  detach(): void;
}

/** The request's parameters from the URL and, for a form POST, its body (as Go's Request.Form). */
export function requestParams(url: string, postData: string | null): URLSearchParams {
  const params = new URLSearchParams(new URL(url).search);
  if (postData) for (const [key, value] of new URLSearchParams(postData)) params.append(key, value);
  return params;
}

export function trackApiTraffic(page: Page): ApiTraffic {
  const inFlight = new Map<Request, string>();
  const rounds = new Map<string, number>();
  let requests = 0;
  let responses = 0;
  let failed = 0;
  let maxInFlight = 0;
  let overlapping = 0;

  const onRequest = (request: Request) => {
    if (!request.url().includes(API_PATH)) return;
    requests++;
    const params = requestParams(request.url(), request.postData());
    const query = params.get('query') ?? request.url();
    if ([...inFlight.values()].includes(query)) overlapping++;
    inFlight.set(request, query);
    maxInFlight = Math.max(maxInFlight, inFlight.size);
    const end = params.get('end');
    if (request.url().includes('/query_range') && end !== null && !rounds.has(end)) rounds.set(end, Date.now());
  };
  const onDone = (request: Request) => {
    inFlight.delete(request);
  };
  const onFailed = (request: Request) => {
    if (inFlight.delete(request)) failed++;
  };
  const onResponse = (response: { url(): string }) => {
    if (response.url().includes(API_PATH)) responses++;
  };

  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return {
    summary: () => ({ requests, responses, failed, maxInFlight, overlapping, refreshRounds: rounds.size }),
    roundsSince: (sinceMs) => [...rounds.values()].filter((seenAt) => seenAt >= sinceMs).length,
    detach() {
      page.off('request', onRequest);
      page.off('requestfinished', onDone);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    },
  };
}

/**
 * The answer reader's worker, as a function of its scope so that tests can run it without a
 * Worker: it fetches query_range requests (several at once; the page's scheduler bounds how many)
 * and reads their answers, or reads bodies the page fetched. `fetchRangeAnswer` is also what the
 * page runs itself where there is no Worker (jsdom and Node in tests) or the worker cannot start.
 */
import { isPromClientError } from './errors';
import {
  answerRangeRequest,
  sentError,
  transferablesOf,
  type RangeAnswerReply,
  type RangeFetchRequest,
  type ReaderWorkerNotice,
  type ToReaderWorker,
} from './rangeAnswerMessages';
import { readBodyChunksWithin } from './responseBody';
import type { AnswerStatus } from './answer';

export interface ReaderWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToReaderWorker>) => void): void;
  postMessage(message: RangeAnswerReply | ReaderWorkerNotice, transfer: Transferable[]): void;
}

/** A body that arrived whole, not yet read. */
export interface ReceivedBody {
  readonly kind: 'received';
  readonly status: AnswerStatus;
  readonly chunks: Uint8Array[];
}

/**
 * Fetches the request and collects its body within the request's size cap, or says why not (as
 * the reply the worker would send). Never rejects.
 */
export async function fetchRangeBody(id: number, endpoint: string, request: RangeFetchRequest, fetchFn: typeof fetch, signal: AbortSignal): Promise<ReceivedBody | RangeAnswerReply> {
  try {
    const init: RequestInit = { method: request.method, headers: request.headers.map(([name, value]): [string, string] => [name, value]), signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetchFn(request.url, init);
    const status = { ok: response.ok, status: response.status, statusText: response.statusText };
    return { kind: 'received', status, chunks: await readBodyChunksWithin(response, request.maxResponseBytes, endpoint) };
  } catch (e) {
    if (isPromClientError(e)) return { id, kind: 'failed', error: sentError(e) };
    return { id, kind: 'unreached', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Fetches the request and reads its answer, within the request's size cap. `onReceived` runs once
 * the whole body has arrived, before the (long) read. Never rejects: every outcome is a reply.
 */
export async function fetchRangeAnswer(
  id: number,
  endpoint: string,
  request: RangeFetchRequest,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  onReceived: () => void,
): Promise<RangeAnswerReply> {
  const body = await fetchRangeBody(id, endpoint, request, fetchFn, signal);
  if (body.kind !== 'received') return body;
  onReceived();
  return answerRangeRequest({ id, endpoint, status: body.status, chunks: body.chunks });
}

/** Answers the page's messages on `scope`; `fetchFn` is looked up at each request, so test interceptors apply. */
export function serveRangeAnswers(scope: ReaderWorkerScope, fetchFn: () => typeof fetch): void {
  /** Fetches in progress, so an abort from the page can stop one. */
  const fetching = new Map<number, AbortController>();
  const reply = (message: RangeAnswerReply) => scope.postMessage(message, transferablesOf(message));

  scope.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.kind) {
      case 'abort':
        fetching.get(message.id)?.abort();
        fetching.delete(message.id);
        return;
      case 'read':
        reply(answerRangeRequest(message));
        return;
      case 'fetch': {
        const controller = new AbortController();
        fetching.set(message.id, controller);
        const received = () => scope.postMessage({ kind: 'received', id: message.id }, []);
        void fetchRangeAnswer(message.id, message.endpoint, message.request, fetchFn(), controller.signal, received).then((answer) => {
          // Aborted meanwhile: the page has already answered its caller.
          if (fetching.get(message.id) !== controller) return;
          fetching.delete(message.id);
          reply(answer);
        });
      }
    }
  });
  // Tells the page the module loaded: until then nothing is sent here, so a worker that cannot
  // start (a CSP, a missing file) costs nothing but fetching and reading on the page instead.
  scope.postMessage({ kind: 'ready' }, []);
}

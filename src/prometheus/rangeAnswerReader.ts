/**
 * Where query_range answers are fetched, parsed, validated and converted: in one Web Worker,
 * reused, where the platform has them, otherwise on this thread (jsdom and Node in tests) with the
 * same code (rangeAnswerService). The client still decides what to ask (URL, headers, timeouts,
 * scheduling, error mapping); with `fetchAndRead` the worker makes the request, so the body never
 * reaches the page, and with `read` it only reads a body the page fetched (a `fetch` function
 * handed to the client, such as the in-page demo backend, cannot cross to a worker).
 *
 * Several jobs run in the worker at once (their fetches overlap; their reads take turns). An
 * aborted job is abandoned at once; the worker is told to stop its fetch, and is terminated when
 * the job was being read and no other job is in it (the only way to stop a parse midway).
 */
import type { Series } from '../series/types';
import type { AnswerStatus, RangeAnswer } from './answer';
import { PromClientError } from './errors';
import { errorFromReply, unpackSeries, type RangeAnswerReply, type RangeFetchRequest, type ReaderWorkerNotice, type ToReaderWorker } from './rangeAnswerMessages';
import { answerRangeRequest } from './rangeAnswerMessages';
import { fetchRangeAnswer, fetchRangeBody } from './rangeAnswerService';

export interface RangeAnswerReader {
  /**
   * Reads a body the page fetched. Resolves with the series or rejects with the PromClientError
   * the answer means. When `signal` aborts first, rejects with the signal's reason and the work is stopped.
   */
  read(endpoint: string, status: AnswerStatus, chunks: readonly Uint8Array[], signal?: AbortSignal): Promise<RangeAnswer>;
  /**
   * Fetches `request` and reads its answer. `onReceived` runs once the body has arrived whole. A
   * failed fetch rejects with an Error named as fetch's own (TypeError, AbortError) for the client
   * to map; an aborted `signal` rejects with its reason.
   */
  fetchAndRead(endpoint: string, request: RangeFetchRequest, signal: AbortSignal, onReceived: () => void): Promise<RangeAnswer>;
}

/** fetch's own failure, rebuilt on this side: only its name and message crossed. */
function fetchFailure(name: string, message: string): Error {
  const error = name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (error.name !== name) Object.defineProperty(error, 'name', { value: name });
  return error;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The read was cancelled', 'AbortError');
}

async function settled(reply: RangeAnswerReply, signal: AbortSignal | undefined): Promise<RangeAnswer> {
  if (signal?.aborted) throw abortReason(signal);
  if (reply.kind === 'failed') throw errorFromReply(reply.error);
  if (reply.kind === 'unreached') throw fetchFailure(reply.name, reply.message);
  const series: Series[] = unpackSeries(reply.packed);
  return { series, warnings: reply.warnings, answer: reply.answer };
}

/** A worker resolves relative URLs against its script; the page's fetch resolves them against the page. */
function absoluteUrl(url: string): string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  return base === undefined ? url : new URL(url, base).href;
}

type Work = { readonly kind: 'read'; readonly endpoint: string; readonly status: AnswerStatus; readonly chunks: readonly Uint8Array[] } | { readonly kind: 'fetch'; readonly endpoint: string; readonly request: RangeFetchRequest };

/** The job done on this thread: where there is no Worker, and when one cannot start. */
function doHere(work: Work, signal: AbortSignal | undefined, onReceived: () => void): Promise<RangeAnswer> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (work.kind === 'fetch') {
    const fetchHere: typeof fetch = (input, init) => globalThis.fetch(input, init);
    return fetchRangeAnswer(0, work.endpoint, work.request, fetchHere, signal ?? new AbortController().signal, onReceived).then((reply) => settled(reply, signal));
  }
  return settled(answerRangeRequest({ id: 0, endpoint: work.endpoint, status: work.status, chunks: work.chunks }), signal);
}

interface Job {
  readonly id: number;
  readonly work: Work;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (answer: RangeAnswer) => void;
  readonly reject: (error: unknown) => void;
  readonly onReceived: () => void;
  readonly onAbort: () => void;
  /** The worker has (or will have before anything else) the whole body: only reading is left. */
  received: boolean;
}

function uniqueBuffers(chunks: readonly Uint8Array[]): ArrayBuffer[] {
  return [...new Set(chunks.map((chunk) => chunk.buffer as ArrayBuffer))];
}

export interface RangeAnswerReaderOptions {
  /**
   * Bodies the page fetched (`read`) smaller than this are read here: a few milliseconds of work,
   * where a worker's round trip (and, for the first answer, its script's fetch and start) costs more.
   */
  readonly readHereBelowBytes?: number;
}

function byteLength(chunks: readonly Uint8Array[]): number {
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  return total;
}

function messageOf(job: Job): { message: ToReaderWorker; transfer: ArrayBuffer[] } {
  const { work, id } = job;
  if (work.kind === 'read') return { message: { kind: 'read', id, endpoint: work.endpoint, status: work.status, chunks: work.chunks }, transfer: uniqueBuffers(work.chunks) };
  return { message: { kind: 'fetch', id, endpoint: work.endpoint, request: { ...work.request, url: absoluteUrl(work.request.url) } }, transfer: [] };
}

export interface WarmReader extends RangeAnswerReader {
  /** Starts the worker now; resolves once it is ready, or known not to start (jobs then run here). */
  warmUp(): Promise<void>;
}

export function createRangeAnswerReader(createWorker: (() => Worker) | undefined, options: RangeAnswerReaderOptions = {}): WarmReader {
  const ignore = () => undefined;
  if (!createWorker) {
    return {
      read: (endpoint, status, chunks, signal) => doHere({ kind: 'read', endpoint, status, chunks }, signal, ignore),
      fetchAndRead: (endpoint, request, signal, onReceived) => doHere({ kind: 'fetch', endpoint, request }, signal, onReceived),
      warmUp: () => Promise.resolve(),
    };
  }
  const readHereBelow = options.readHereBelowBytes ?? 0;
  const startWorker = createWorker;
  let worker: Worker | undefined;
  let ready = false;
  /** The worker could not start (a CSP, a missing file): every job happens here from now on. */
  let unavailable = false;
  /** Jobs waiting for the worker to load. */
  const waiting: Job[] = [];
  /** Jobs the worker holds. */
  const posted = new Map<number, Job>();
  let nextId = 1;
  /** warmUp's callers, told once the worker is ready or cannot start. */
  const readyWaiters: (() => void)[] = [];

  function tellReady(): void {
    for (const tell of readyWaiters.splice(0)) tell();
  }

  function finish(job: Job): void {
    job.signal?.removeEventListener('abort', job.onAbort);
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = undefined;
    ready = false;
  }

  function onMessage(event: MessageEvent<RangeAnswerReply | ReaderWorkerNotice>): void {
    const message = event.data;
    if (message.kind === 'ready') {
      ready = true;
      tellReady();
      pump();
      return;
    }
    const job = posted.get(message.id);
    if (!job) return;
    if (message.kind === 'received') {
      job.received = true;
      job.onReceived();
      return;
    }
    posted.delete(job.id);
    finish(job);
    settled(message, job.signal).then(job.resolve, job.reject);
  }

  function onFailure(event: Event): void {
    event.preventDefault();
    const started = ready;
    stopWorker();
    if (!started) {
      unavailable = true;
      tellReady();
      for (const job of waiting.splice(0)) {
        finish(job);
        doHere(job.work, job.signal, job.onReceived).then(job.resolve, job.reject);
      }
      return;
    }
    // A crash (an exhausted heap) takes every job in the worker with it.
    const message = (event as Partial<ErrorEvent>).message;
    const detail = typeof message === 'string' && message !== '' ? ` (${message})` : '';
    for (const job of posted.values()) {
      finish(job);
      job.reject(new PromClientError('malformed', `Malformed response from ${job.work.endpoint}: the answer could not be read${detail}`));
    }
    posted.clear();
    pump();
  }

  function startWorkerIfStopped(): void {
    if (worker || unavailable) return;
    worker = startWorker();
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onFailure);
    worker.addEventListener('messageerror', onFailure);
  }

  function pump(): void {
    if (waiting.length === 0) return;
    startWorkerIfStopped();
    if (!worker || !ready) return;
    for (const job of waiting.splice(0)) {
      posted.set(job.id, job);
      const { message, transfer } = messageOf(job);
      worker.postMessage(message, transfer);
    }
  }

  function cancel(job: Job): void {
    finish(job);
    if (posted.delete(job.id)) {
      if (job.received && posted.size === 0) stopWorker();
      else worker?.postMessage({ kind: 'abort', id: job.id } satisfies ToReaderWorker);
    } else {
      const index = waiting.indexOf(job);
      if (index >= 0) waiting.splice(index, 1);
    }
    job.reject(abortReason(job.signal as AbortSignal));
  }

  function submit(work: Work, signal: AbortSignal | undefined, onReceived: () => void): Promise<RangeAnswer> {
    if (unavailable) return doHere(work, signal, onReceived);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<RangeAnswer>((resolve, reject) => {
      const job: Job = { id: nextId++, work, signal, resolve, reject, onReceived, onAbort: () => cancel(job), received: work.kind === 'read' };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      waiting.push(job);
      pump();
    });
  }

  const read: RangeAnswerReader['read'] = (endpoint, status, chunks, signal) =>
    byteLength(chunks) < readHereBelow ? doHere({ kind: 'read', endpoint, status, chunks }, signal, ignore) : submit({ kind: 'read', endpoint, status, chunks }, signal, ignore);

  /**
   * The first load's queries come before the worker has loaded its script and started (on a busy
   * machine, hundreds of ms): they are fetched here at once rather than held for it, and their
   * bodies read as any body the page fetched (a small one here, a big one in the worker).
   */
  async function fetchHereThenRead(endpoint: string, request: RangeFetchRequest, signal: AbortSignal, onReceived: () => void): Promise<RangeAnswer> {
    if (signal.aborted) throw abortReason(signal);
    const body = await fetchRangeBody(0, endpoint, request, (input, init) => globalThis.fetch(input, init), signal);
    if (body.kind !== 'received') return settled(body, signal);
    onReceived();
    return read(endpoint, body.status, body.chunks, signal);
  }

  return {
    read,
    fetchAndRead: (endpoint, request, signal, onReceived) => {
      if (unavailable) return doHere({ kind: 'fetch', endpoint, request }, signal, onReceived);
      startWorkerIfStopped();
      return ready ? submit({ kind: 'fetch', endpoint, request }, signal, onReceived) : fetchHereThenRead(endpoint, request, signal, onReceived);
    },
    warmUp: () => {
      startWorkerIfStopped();
      return ready || unavailable ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
  };
}

function startRangeAnswerWorker(): Worker {
  return new Worker(new URL('./rangeAnswer.worker.ts', import.meta.url), { type: 'module', name: 'range answer reader' });
}

/**
 * Below this a body the page fetched (the in-page demo backend's) is read on the main thread:
 * 128 KiB of matrix JSON (a dashboard panel's few series at its ~1 point per 2 px) reads in ~10 ms
 * even on a busy machine, far under the 50 ms of a long task.
 */
export const READ_HERE_BELOW_BYTES = 128 * 1024;

let shared: RangeAnswerReader | undefined;

/**
 * One reader (and so one worker) for the whole page. The worker starts with the first call (main.tsx
 * makes it before loading the config), not with the first query; queries asked before it is ready
 * are fetched on the page meanwhile, so its script's fetch and start never sit between a
 * dashboard's first queries and their requests.
 */
export function sharedRangeAnswerReader(): RangeAnswerReader {
  if (!shared) {
    const reader = createRangeAnswerReader(typeof Worker === 'function' ? startRangeAnswerWorker : undefined, { readHereBelowBytes: READ_HERE_BELOW_BYTES });
    void reader.warmUp();
    shared = reader;
  }
  return shared;
}

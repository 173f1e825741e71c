/**
 * Where query_range answers are parsed, validated and converted: in one Web Worker, reused, where
 * the platform has them, otherwise on this thread (jsdom and Node in tests). The client keeps
 * fetching and reading the bytes (headers, abort, timeout, the size cap); only the CPU-heavy part
 * moves. Jobs go to the worker one at a time, so aborting the running one can terminate the worker
 * without losing the others; an aborted job still queued is simply dropped.
 */
import type { Series } from '../series/types';
import type { AnswerStatus, RangeAnswer } from './answer';
import { PromClientError } from './errors';
import { answerRangeRequest, errorFromReply, unpackSeries, type RangeAnswerReply, type RangeAnswerRequest } from './rangeAnswerMessages';

export interface RangeAnswerReader {
  /**
   * Resolves with the series or rejects with the PromClientError the answer means. When `signal`
   * aborts first, rejects with the signal's reason and the work is stopped.
   */
  read(endpoint: string, status: AnswerStatus, chunks: readonly Uint8Array[], signal?: AbortSignal): Promise<RangeAnswer>;
}

function settled(reply: RangeAnswerReply): RangeAnswer {
  if (reply.kind === 'failed') throw errorFromReply(reply.error);
  const series: Series[] = unpackSeries(reply.packed);
  return { series, warnings: reply.warnings, answer: reply.answer };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The read was cancelled', 'AbortError');
}

/** Reads on this thread: the path where there is no Worker, and the fallback when one cannot start. */
function readHere(endpoint: string, status: AnswerStatus, chunks: readonly Uint8Array[], signal?: AbortSignal): Promise<RangeAnswer> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  try {
    return Promise.resolve(settled(answerRangeRequest({ id: 0, endpoint, status, chunks })));
  } catch (e) {
    return Promise.reject(e);
  }
}

interface Job {
  readonly id: number;
  readonly endpoint: string;
  readonly status: AnswerStatus;
  readonly chunks: readonly Uint8Array[];
  readonly signal: AbortSignal | undefined;
  readonly resolve: (answer: RangeAnswer) => void;
  readonly reject: (error: unknown) => void;
  readonly onAbort: () => void;
}

type ReadyMessage = { readonly kind: 'ready' };

function uniqueBuffers(chunks: readonly Uint8Array[]): ArrayBuffer[] {
  return [...new Set(chunks.map((chunk) => chunk.buffer as ArrayBuffer))];
}

export interface RangeAnswerReaderOptions {
  /**
   * Answers smaller than this are read here: a few milliseconds of work, where a worker's round
   * trip (and, for the first answer, its script's fetch and start) costs more than the read.
   */
  readonly readHereBelowBytes?: number;
}

function byteLength(chunks: readonly Uint8Array[]): number {
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  return total;
}

export function createRangeAnswerReader(createWorker: (() => Worker) | undefined, options: RangeAnswerReaderOptions = {}): RangeAnswerReader {
  if (!createWorker) return { read: readHere };
  const readHereBelow = options.readHereBelowBytes ?? 0;
  const startWorker = createWorker;
  let worker: Worker | undefined;
  let ready = false;
  /** The worker could not start (a CSP, a missing file): every read happens here from now on. */
  let unavailable = false;
  let running: Job | undefined;
  const queue: Job[] = [];
  let nextId = 1;

  function finish(job: Job): void {
    job.signal?.removeEventListener('abort', job.onAbort);
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = undefined;
    ready = false;
  }

  function onMessage(event: MessageEvent<RangeAnswerReply | ReadyMessage>): void {
    const message = event.data;
    if (message.kind === 'ready') {
      ready = true;
      pump();
      return;
    }
    const job = running;
    if (!job || message.id !== job.id) return;
    running = undefined;
    finish(job);
    try {
      job.resolve(settled(message));
    } catch (e) {
      job.reject(e);
    }
    pump();
  }

  function onFailure(event: Event): void {
    event.preventDefault();
    const started = ready;
    stopWorker();
    if (!started) {
      unavailable = true;
      for (const job of queue.splice(0)) {
        finish(job);
        readHere(job.endpoint, job.status, job.chunks, job.signal).then(job.resolve, job.reject);
      }
      return;
    }
    const job = running;
    running = undefined;
    if (job) {
      finish(job);
      const message = (event as Partial<ErrorEvent>).message;
      const detail = typeof message === 'string' && message !== '' ? ` (${message})` : '';
      job.reject(new PromClientError('malformed', `Malformed response from ${job.endpoint}: the answer could not be read${detail}`));
    }
    pump();
  }

  function pump(): void {
    if (running || queue.length === 0) return;
    if (!worker) {
      worker = startWorker();
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onFailure);
      worker.addEventListener('messageerror', onFailure);
      return;
    }
    if (!ready) return;
    const job = queue.shift() as Job;
    running = job;
    const request: RangeAnswerRequest = { id: job.id, endpoint: job.endpoint, status: job.status, chunks: job.chunks };
    worker.postMessage(request, uniqueBuffers(job.chunks));
  }

  function cancel(job: Job): void {
    finish(job);
    if (running === job) {
      // The only way to stop a parse midway; the next job starts a fresh worker.
      running = undefined;
      stopWorker();
    } else {
      const index = queue.indexOf(job);
      if (index >= 0) queue.splice(index, 1);
    }
    job.reject(abortReason(job.signal as AbortSignal));
    pump();
  }

  return {
    read(endpoint, status, chunks, signal) {
      if (unavailable || byteLength(chunks) < readHereBelow) return readHere(endpoint, status, chunks, signal);
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<RangeAnswer>((resolve, reject) => {
        const job: Job = { id: nextId++, endpoint, status, chunks, signal, resolve, reject, onAbort: () => cancel(job) };
        signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
  };
}

function startRangeAnswerWorker(): Worker {
  return new Worker(new URL('./rangeAnswer.worker.ts', import.meta.url), { type: 'module', name: 'range answer reader' });
}

/**
 * Below this an answer is read on the main thread. 128 KiB of matrix JSON (a dashboard panel's
 * few series at its ~1 point per 2 px) reads in ~10 ms even on a busy machine, far under the 50 ms
 * of a long task; the worker's script is then not even fetched on a dashboard's first load.
 */
export const READ_HERE_BELOW_BYTES = 128 * 1024;

let shared: RangeAnswerReader | undefined;

/** One reader (and so one worker) for the whole page, started at the first big range answer. */
export function sharedRangeAnswerReader(): RangeAnswerReader {
  shared ??= createRangeAnswerReader(typeof Worker === 'function' ? startRangeAnswerWorker : undefined, { readHereBelowBytes: READ_HERE_BELOW_BYTES });
  return shared;
}

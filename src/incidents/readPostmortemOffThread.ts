/**
 * Parses a postmortem in a Web Worker, so the page keeps answering while a large document is read.
 * One worker per read, terminated when it answers or when `signal` aborts (a newer import). Where
 * there is no Worker (jsdom in component tests) the parse runs on this thread instead.
 */

import { parsePostmortem, type ParsePostmortemOptions, type ParseResult } from './parsePostmortem';
import type { ParseReply, ParseRequest } from './parsePostmortemMessages';

/** Thrown (rejected) when `signal` aborts: the caller started a newer read or went away. */
export class ReadAbortedError extends Error {
  constructor() {
    super('The postmortem read was cancelled.');
    this.name = 'ReadAbortedError';
  }
}

function startWorker(): Worker {
  return new Worker(new URL('./parsePostmortem.worker.ts', import.meta.url), { type: 'module', name: 'postmortem reader' });
}

function inWorker(request: ParseRequest, signal: AbortSignal | undefined, createWorker: () => Worker): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ReadAbortedError());
      return;
    }
    const worker = createWorker();
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new ReadAbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      finish();
      const reply = event.data;
      if (reply.kind === 'parsed') resolve(reply.result);
      else reject(new Error(reply.error));
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      finish();
      reject(new Error(`The background reader failed${event.message ? `: ${event.message}` : ''}.`));
    });
    worker.addEventListener('messageerror', () => {
      finish();
      reject(new Error('The background reader sent back something that could not be read.'));
    });
    worker.postMessage(request);
  });
}

/**
 * The one place that chooses where a postmortem is parsed: in a worker where the platform has them,
 * otherwise here. Rejects with ReadAbortedError when `signal` aborts, with an Error when the worker fails.
 */
export function readPostmortemOffThread(
  text: string,
  options: ParsePostmortemOptions,
  signal?: AbortSignal,
  createWorker: (() => Worker) | undefined = typeof Worker === 'function' ? startWorker : undefined,
): Promise<ParseResult> {
  if (createWorker) return inWorker({ text, options }, signal, createWorker);
  if (signal?.aborted) return Promise.reject(new ReadAbortedError());
  return Promise.resolve(parsePostmortem(text, options));
}

/**
 * Every request to one datasource passes through here (issue 13, "nothing twice"):
 * - identical requests (same method, URL, body and headers, as the caller's key says) that are
 *   queued or in flight at the same time are sent once, and every caller gets the same answer;
 * - at most `maxInFlight` run at once (Chrome opens 6 connections per host over HTTP/1.1; more
 *   only wait in the browser's own queue, where an abandoned request cannot be taken out), the rest
 *   wait here in the order they were asked;
 * - a caller that aborts is answered at once with its signal's reason; the request itself is taken
 *   out of the queue, or cancelled while in flight, only once every caller sharing it has aborted.
 * Nothing is cached: a request that has settled is forgotten, and the next identical one is sent.
 */

/** What a scheduled request is given: its own signal (aborted when no caller wants it any more) and a way to free its slot early. */
export interface RunContext {
  readonly signal: AbortSignal;
  /**
   * Frees the request's slot before it settles, e.g. once the body has arrived and only parsing is
   * left: parsing holds no connection. Callers keep sharing the result until it settles.
   */
  readonly releaseSlot: () => void;
}

export interface RequestScheduler {
  /**
   * The answer of `run`, shared with every identical request (`key`) queued or in flight now.
   * Rejects with `signal.reason` as soon as `signal` aborts, whatever the shared request does.
   */
  schedule<T>(key: string, run: (context: RunContext) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Requests holding a slot now (for tests and the bench). */
  readonly inFlight: () => number;
  /** Requests waiting for a slot now. */
  readonly queued: () => number;
}

/** Chrome's (and Firefox's) limit of connections per host over HTTP/1.1. */
export const MAX_REQUESTS_IN_FLIGHT = 6;

interface Caller {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Entry {
  readonly key: string;
  readonly run: (context: RunContext) => Promise<unknown>;
  readonly controller: AbortController;
  readonly callers: Set<Caller>;
  state: 'queued' | 'running' | 'released';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was cancelled', 'AbortError');
}

export function createRequestScheduler(maxInFlight: number = MAX_REQUESTS_IN_FLIGHT): RequestScheduler {
  const limit = Number.isSafeInteger(maxInFlight) && maxInFlight > 0 ? maxInFlight : MAX_REQUESTS_IN_FLIGHT;
  /** Entries queued or in flight that a new identical request may join. */
  const joinable = new Map<string, Entry>();
  const queue: Entry[] = [];
  let holding = 0;

  function release(entry: Entry): void {
    if (entry.state !== 'running') return;
    entry.state = 'released';
    holding--;
    pump();
  }

  function settle(entry: Entry, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    release(entry);
    if (joinable.get(entry.key) === entry) joinable.delete(entry.key);
    for (const caller of entry.callers) {
      caller.signal?.removeEventListener('abort', caller.onAbort);
      if (outcome.ok) caller.resolve(outcome.value);
      else caller.reject(outcome.error);
    }
    entry.callers.clear();
  }

  function start(entry: Entry): void {
    entry.state = 'running';
    holding++;
    let work: Promise<unknown>;
    try {
      work = entry.run({ signal: entry.controller.signal, releaseSlot: () => release(entry) });
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (value) => settle(entry, { ok: true, value }),
      (error: unknown) => settle(entry, { ok: false, error }),
    );
  }

  function pump(): void {
    while (holding < limit && queue.length > 0) start(queue.shift() as Entry);
  }

  function leave(entry: Entry, caller: Caller): void {
    if (!entry.callers.delete(caller)) return;
    caller.reject(abortReason(caller.signal as AbortSignal));
    if (entry.callers.size > 0) return;
    // Nobody wants the answer any more: a later identical request must not join a cancelled one.
    if (joinable.get(entry.key) === entry) joinable.delete(entry.key);
    if (entry.state === 'queued') {
      queue.splice(queue.indexOf(entry), 1);
    } else {
      // Its slot is freed when the run settles, which an aborted fetch does at once.
      entry.controller.abort(abortReason(caller.signal as AbortSignal));
    }
  }

  return {
    schedule<T>(key: string, run: (context: RunContext) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<T>((resolve, reject) => {
        let entry = joinable.get(key);
        if (!entry) {
          entry = { key, run, controller: new AbortController(), callers: new Set(), state: 'queued' };
          joinable.set(key, entry);
          queue.push(entry);
        }
        const joined = entry;
        const caller: Caller = {
          resolve: resolve as (value: unknown) => void,
          reject,
          signal,
          onAbort: () => leave(joined, caller),
        };
        joined.callers.add(caller);
        signal?.addEventListener('abort', caller.onAbort, { once: true });
        pump();
      });
    },
    inFlight: () => holding,
    queued: () => queue.length,
  };
}

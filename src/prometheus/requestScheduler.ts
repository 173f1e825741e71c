/**
 * Every request to one datasource passes through here (issue 13, "nothing twice"):
 * - identical requests (same method, URL, body and headers, as the caller's key says) that are
 *   queued or in flight at the same time are sent once, and every caller gets the same answer;
 * - at most `maxInFlight` run at once (Chrome opens 6 connections per host over HTTP/1.1; more
 *   only wait in the browser's own queue, where an abandoned request cannot be taken out), the rest
 *   wait here, the data a panel draws first, then alerts, then the rest, each class in the order asked;
 * - a request for drawn data that finds every slot taken takes the slot of a background request
 *   (build info, metadata, label values) still waiting for its answer: that one is cancelled and
 *   queued again, once at most, so it is never starved. At boot the background requests are asked
 *   a render before the panels' range queries and would otherwise hold the slots two of them need;
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

/**
 * Which requests go first: 'draw' is data a panel (or Explore) draws, 'alerts' the alert bands
 * drawn over panels, 'background' what no panel waits for (build info, metadata, label names and
 * values, variable options, completions).
 */
export type RequestPriority = 'draw' | 'alerts' | 'background';

const PRIORITY_RANK: Readonly<Record<RequestPriority, number>> = { draw: 0, alerts: 1, background: 2 };

export interface RequestScheduler {
  /**
   * The answer of `run`, shared with every identical request (`key`) queued or in flight now.
   * Rejects with `signal.reason` as soon as `signal` aborts, whatever the shared request does.
   * `priority` ('draw' when absent) orders the queue; identical requests share the highest.
   */
  schedule<T>(key: string, run: (context: RunContext) => Promise<T>, signal?: AbortSignal, priority?: RequestPriority): Promise<T>;
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
  /** The current attempt's: replaced when the request is cancelled to free its slot and queued again. */
  controller: AbortController;
  readonly callers: Set<Caller>;
  rank: number;
  /** Order asked, which breaks ties between requests of one priority. */
  readonly order: number;
  state: 'queued' | 'running' | 'released';
  /** Once given up for a drawn request, a request keeps its next slot. */
  yielded: boolean;
}

/** What a cancelled attempt rejects with; never reaches a caller. */
const YIELDED = new DOMException('Gave its slot to data a panel draws', 'AbortError');

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was cancelled', 'AbortError');
}

export function createRequestScheduler(maxInFlight: number = MAX_REQUESTS_IN_FLIGHT): RequestScheduler {
  const limit = Number.isSafeInteger(maxInFlight) && maxInFlight > 0 ? maxInFlight : MAX_REQUESTS_IN_FLIGHT;
  /** Entries queued or in flight that a new identical request may join. */
  const joinable = new Map<string, Entry>();
  const queue: Entry[] = [];
  /** Entries holding a slot, in the order they took it. */
  const running: Entry[] = [];
  let asked = 0;

  /** Higher priority first, then the order asked. */
  function goesBefore(a: Entry, b: Entry): boolean {
    return a.rank < b.rank || (a.rank === b.rank && a.order < b.order);
  }

  function enqueue(entry: Entry): void {
    let at = queue.length;
    while (at > 0 && goesBefore(entry, queue[at - 1] as Entry)) at--;
    queue.splice(at, 0, entry);
  }

  function release(entry: Entry): void {
    if (entry.state !== 'running') return;
    entry.state = 'released';
    running.splice(running.indexOf(entry), 1);
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
    running.push(entry);
    const attempt = entry.controller;
    let work: Promise<unknown>;
    try {
      work = entry.run({ signal: attempt.signal, releaseSlot: () => attempt === entry.controller && release(entry) });
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (value) => attempt === entry.controller && settle(entry, { ok: true, value }),
      (error: unknown) => attempt === entry.controller && settle(entry, { ok: false, error }),
    );
  }

  /** The most recently started background request still waiting for its answer, which has not given way before. */
  function slotToTake(): Entry | undefined {
    for (let i = running.length - 1; i >= 0; i--) {
      const entry = running[i] as Entry;
      if (entry.rank === PRIORITY_RANK.background && !entry.yielded) return entry;
    }
    return undefined;
  }

  /** Cancels `entry`'s attempt and queues it again; its callers keep waiting for the next one. */
  function giveWay(entry: Entry): void {
    running.splice(running.indexOf(entry), 1);
    const attempt = entry.controller;
    entry.controller = new AbortController();
    entry.state = 'queued';
    entry.yielded = true;
    enqueue(entry);
    attempt.abort(YIELDED);
  }

  function pump(): void {
    for (;;) {
      const next = queue[0];
      if (next === undefined) return;
      if (running.length >= limit) {
        const taken = next.rank === PRIORITY_RANK.draw ? slotToTake() : undefined;
        if (taken === undefined) return;
        giveWay(taken);
      }
      start(queue.shift() as Entry);
    }
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
    schedule<T>(key: string, run: (context: RunContext) => Promise<T>, signal?: AbortSignal, priority: RequestPriority = 'draw'): Promise<T> {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const rank = PRIORITY_RANK[priority] ?? PRIORITY_RANK.draw;
      return new Promise<T>((resolve, reject) => {
        let entry = joinable.get(key);
        if (!entry) {
          entry = { key, run, controller: new AbortController(), callers: new Set(), rank, order: asked++, state: 'queued', yielded: false };
          joinable.set(key, entry);
          enqueue(entry);
        } else if (rank < entry.rank) {
          // Someone now draws what was background: it moves up the queue, or keeps its slot.
          entry.rank = rank;
          if (entry.state === 'queued') {
            queue.splice(queue.indexOf(entry), 1);
            enqueue(entry);
          }
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
    inFlight: () => running.length,
    queued: () => queue.length,
  };
}

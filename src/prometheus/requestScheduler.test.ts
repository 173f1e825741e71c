import fc from 'fast-check';
import { createRequestScheduler, MAX_REQUESTS_IN_FLIGHT, type RequestPriority, type RunContext } from './requestScheduler';

/** A request the test answers by hand: what a fake fetch would be, one per run. */
interface PendingRun {
  readonly key: string;
  readonly context: RunContext;
  answer(value: string): void;
  fail(error: unknown): void;
}

function fakeNetwork() {
  const runs: PendingRun[] = [];
  function run(key: string) {
    return (context: RunContext) =>
      new Promise<string>((resolve, reject) => {
        runs.push({ key, context, answer: resolve, fail: reject });
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
      });
  }
  return { runs, run };
}

/** What a caller got: an answer or an error's message. */
type Outcome = { readonly value?: string; readonly error?: string };

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRequestScheduler', () => {
  it('sends identical requests once and gives every caller the answer', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const first = scheduler.schedule('GET /a', net.run('GET /a'));
    const second = scheduler.schedule('GET /a', net.run('GET /a'));
    const other = scheduler.schedule('GET /b', net.run('GET /b'));
    expect(net.runs.map((r) => r.key)).toEqual(['GET /a', 'GET /b']);
    net.runs[0]?.answer('a');
    net.runs[1]?.answer('b');
    await expect(Promise.all([first, second, other])).resolves.toEqual(['a', 'a', 'b']);
  });

  it('sends an identical request again once the first has settled (nothing is cached)', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const first = scheduler.schedule('k', net.run('k'));
    net.runs[0]?.answer('old');
    await expect(first).resolves.toBe('old');
    const again = scheduler.schedule('k', net.run('k'));
    expect(net.runs).toHaveLength(2);
    net.runs[1]?.answer('new');
    await expect(again).resolves.toBe('new');
  });

  it('shares a failure with every caller', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const calls = [scheduler.schedule('k', net.run('k')), scheduler.schedule('k', net.run('k'))];
    net.runs[0]?.fail(new Error('HTTP 503'));
    for (const call of calls) await expect(call).rejects.toThrow('HTTP 503');
  });

  it('runs at most 6 at once and starts the rest in the order asked', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const calls = Array.from({ length: 9 }, (_, i) => scheduler.schedule(`k${i}`, net.run(`k${i}`)));
    expect(MAX_REQUESTS_IN_FLIGHT).toBe(6);
    expect(net.runs.map((r) => r.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    expect(scheduler.queued()).toBe(3);
    net.runs[2]?.answer('2');
    await settle();
    expect(net.runs.map((r) => r.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    net.runs.forEach((r) => r.answer(r.key));
    await settle();
    net.runs.forEach((r) => r.answer(r.key));
    await settle();
    await expect(Promise.all(calls)).resolves.toEqual(['k0', 'k1', '2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8']);
    expect(scheduler.inFlight()).toBe(0);
  });

  it('starts the data a panel draws first, then alerts, then the rest, each in the order asked', async () => {
    const scheduler = createRequestScheduler(1);
    const net = fakeNetwork();
    const busy = scheduler.schedule('busy', net.run('busy'));
    const calls = [
      scheduler.schedule('labels', net.run('labels'), undefined, 'background'),
      scheduler.schedule('alerts', net.run('alerts'), undefined, 'alerts'),
      scheduler.schedule('panel A', net.run('panel A'), undefined, 'draw'),
      scheduler.schedule('buildinfo', net.run('buildinfo'), undefined, 'background'),
      scheduler.schedule('panel B', net.run('panel B')),
    ];
    for (let started = 1; started <= calls.length; started++) {
      net.runs[started - 1]?.answer(String(started));
      await settle();
    }
    net.runs[calls.length]?.answer('last');
    expect(net.runs.map((r) => r.key)).toEqual(['busy', 'panel A', 'panel B', 'alerts', 'labels', 'buildinfo']);
    await Promise.all([busy, ...calls]);
  });

  it("gives a background request's slot to drawn data, sends it again once, and answers its caller", async () => {
    const scheduler = createRequestScheduler(2);
    const net = fakeNetwork();
    const alerts = scheduler.schedule('alerts', net.run('alerts'), undefined, 'alerts');
    const buildInfo = scheduler.schedule('buildinfo', net.run('buildinfo'), undefined, 'background');
    const panel = scheduler.schedule('panel', net.run('panel'), undefined, 'draw');
    expect(net.runs.map((r) => r.key)).toEqual(['alerts', 'buildinfo', 'panel']);
    expect(net.runs[1]?.context.signal.aborted).toBe(true);
    expect(scheduler.inFlight()).toBe(2);
    expect(scheduler.queued()).toBe(1);
    net.runs[2]?.answer('series');
    await expect(panel).resolves.toBe('series');
    expect(net.runs.map((r) => r.key)).toEqual(['alerts', 'buildinfo', 'panel', 'buildinfo']);
    // Having given way once, it keeps its slot: the next drawn request waits.
    const nextPanel = scheduler.schedule('next panel', net.run('next panel'), undefined, 'draw');
    expect(net.runs[3]?.context.signal.aborted).toBe(false);
    expect(net.runs).toHaveLength(4);
    net.runs[3]?.answer('v3.1');
    await expect(buildInfo).resolves.toBe('v3.1');
    await settle();
    expect(net.runs.map((r) => r.key).at(-1)).toBe('next panel');
    net.runs[0]?.answer('no alerts');
    net.runs[4]?.answer('more series');
    await expect(Promise.all([alerts, nextPanel])).resolves.toEqual(['no alerts', 'more series']);
    expect(scheduler.inFlight()).toBe(0);
  });

  it('never takes the slot of alerts or of other drawn data', async () => {
    const scheduler = createRequestScheduler(2);
    const net = fakeNetwork();
    const held = [scheduler.schedule('alerts', net.run('alerts'), undefined, 'alerts'), scheduler.schedule('panel A', net.run('panel A'))];
    const waiting = scheduler.schedule('panel B', net.run('panel B'));
    expect(net.runs.map((r) => r.context.signal.aborted)).toEqual([false, false]);
    expect(scheduler.queued()).toBe(1);
    net.runs[0]?.answer('a');
    net.runs[1]?.answer('b');
    await settle();
    net.runs[2]?.answer('c');
    await expect(Promise.all([...held, waiting])).resolves.toEqual(['a', 'b', 'c']);
  });

  it('moves a queued background request up when a panel asks for the same thing', async () => {
    const scheduler = createRequestScheduler(1);
    const net = fakeNetwork();
    const busy = scheduler.schedule('busy', net.run('busy'), undefined, 'alerts');
    const other = scheduler.schedule('other', net.run('other'), undefined, 'background');
    const asBackground = scheduler.schedule('shared', net.run('shared'), undefined, 'background');
    const asDrawn = scheduler.schedule('shared', net.run('shared'), undefined, 'draw');
    net.runs[0]?.answer('busy');
    await settle();
    expect(net.runs.map((r) => r.key)).toEqual(['busy', 'shared']);
    net.runs[1]?.answer('S');
    await settle();
    net.runs[2]?.answer('O');
    await expect(Promise.all([busy, asBackground, asDrawn, other])).resolves.toEqual(['busy', 'S', 'S', 'O']);
  });

  it('frees a slot early when the run says only parsing is left, and still shares the answer', async () => {
    const scheduler = createRequestScheduler(1);
    const net = fakeNetwork();
    const first = scheduler.schedule('a', net.run('a'));
    const joined = scheduler.schedule('a', net.run('a'));
    const next = scheduler.schedule('b', net.run('b'));
    expect(net.runs).toHaveLength(1);
    net.runs[0]?.context.releaseSlot();
    net.runs[0]?.context.releaseSlot();
    expect(net.runs.map((r) => r.key)).toEqual(['a', 'b']);
    expect(scheduler.inFlight()).toBe(1);
    net.runs[0]?.answer('A');
    net.runs[1]?.answer('B');
    await expect(Promise.all([first, joined, next])).resolves.toEqual(['A', 'A', 'B']);
  });

  it('takes a queued request whose only caller aborted out of the queue, without sending it', async () => {
    const scheduler = createRequestScheduler(1);
    const net = fakeNetwork();
    const running = scheduler.schedule('a', net.run('a'));
    const controller = new AbortController();
    const stale = scheduler.schedule('b', net.run('b'), controller.signal);
    const fresh = scheduler.schedule('c', net.run('c'));
    controller.abort(new DOMException('superseded', 'AbortError'));
    await expect(stale).rejects.toThrow('superseded');
    net.runs[0]?.answer('A');
    await settle();
    expect(net.runs.map((r) => r.key)).toEqual(['a', 'c']);
    net.runs[1]?.answer('C');
    await expect(Promise.all([running, fresh])).resolves.toEqual(['A', 'C']);
  });

  it('cancels a shared request only when all its callers aborted', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const one = new AbortController();
    const two = new AbortController();
    const first = scheduler.schedule('k', net.run('k'), one.signal);
    const second = scheduler.schedule('k', net.run('k'), two.signal);
    one.abort(new Error('first left'));
    await expect(first).rejects.toThrow('first left');
    expect(net.runs[0]?.context.signal.aborted).toBe(false);
    two.abort(new Error('second left'));
    await expect(second).rejects.toThrow('second left');
    expect(net.runs[0]?.context.signal.aborted).toBe(true);
    await settle();
    expect(scheduler.inFlight()).toBe(0);
    // A new identical request is sent afresh, not joined to the cancelled one.
    const later = scheduler.schedule('k', net.run('k'));
    expect(net.runs).toHaveLength(2);
    net.runs[1]?.answer('fresh');
    await expect(later).resolves.toBe('fresh');
  });

  it('keeps answering the callers that stayed when one of them aborts', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    const leaving = new AbortController();
    const left = scheduler.schedule('k', net.run('k'), leaving.signal);
    const stayed = scheduler.schedule('k', net.run('k'));
    leaving.abort(new Error('gone'));
    net.runs[0]?.answer('answer');
    await expect(left).rejects.toThrow('gone');
    await expect(stayed).resolves.toBe('answer');
  });

  it('refuses at once a caller whose signal has already aborted', async () => {
    const scheduler = createRequestScheduler();
    const net = fakeNetwork();
    await expect(scheduler.schedule('k', net.run('k'), AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late');
    expect(net.runs).toHaveLength(0);
  });

  it('answers each caller what it would get alone and never runs more than 6 at once, whatever the priorities', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const request = fc.record({ key: fc.constantFrom(...keys), aborts: fc.boolean(), priority: fc.constantFrom<RequestPriority>('draw', 'alerts', 'background') });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { maxLength: 24 }), fc.subarray(keys), fc.scheduler(), async (requests, failing, s) => {
        const scheduler = createRequestScheduler();
        let running = 0;
        let mostRunning = 0;
        // What one request alone gets: a function of its key, as a server's answer is of the URL.
        const alone = (key: string): Outcome => (failing.includes(key) ? { error: `error ${key}` } : { value: `answer ${key}` });
        const run = (key: string) => async ({ signal }: RunContext) => {
          // A cancelled fetch lets go of its connection at once, as the browser's does.
          let holding = true;
          const letGo = () => {
            if (holding) running--;
            holding = false;
          };
          running++;
          mostRunning = Math.max(mostRunning, running);
          try {
            await new Promise<void>((resolve, reject) => {
              signal.addEventListener('abort', () => {
                letGo();
                reject(signal.reason as Error);
              });
              void s.schedule(Promise.resolve(`answer ${key}`)).then(() => resolve());
            });
            const outcome = alone(key);
            if (outcome.error !== undefined) throw new Error(outcome.error);
            return outcome.value;
          } finally {
            letGo();
          }
        };
        const calls = requests.map(({ key, aborts, priority }, i) => {
          const controller = new AbortController();
          if (aborts) void s.schedule(Promise.resolve(`abort ${i}`)).then(() => controller.abort(new Error(`aborted ${i}`)));
          const call = scheduler.schedule(key, run(key), controller.signal, priority).then(
            (value): Outcome => ({ value }),
            (error: Error): Outcome => ({ error: error.message }),
          );
          return { call, key, controller, i };
        });
        await s.waitAll();
        const outcomes = await Promise.all(calls.map((c) => c.call));
        expect(mostRunning).toBeLessThanOrEqual(MAX_REQUESTS_IN_FLIGHT);
        calls.forEach(({ key, controller, i }, n) => {
          const outcome = outcomes[n];
          // A caller is answered with its own abort only if it aborted; a shared request cancelled
          // while another caller still waited would hand that caller someone else's abort.
          if (outcome?.error === `aborted ${i}`) expect(controller.signal.aborted).toBe(true);
          else expect(outcome).toEqual(alone(key));
        });
        expect(scheduler.inFlight()).toBe(0);
        expect(scheduler.queued()).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});

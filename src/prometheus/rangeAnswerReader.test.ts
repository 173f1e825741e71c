import { readRangeAnswer } from './answer';
import { PromClientError } from './errors';
import { answerRangeRequest, transferablesOf, type RangeAnswerRequest } from './rangeAnswerMessages';
import { createRangeAnswerReader } from './rangeAnswerReader';

type Behaviour = 'answers' | 'hangs' | 'cannot start' | 'crashes';

/**
 * A stand-in for the platform's Worker (jsdom has none) that runs the real worker's handler on a
 * structured clone of the message, buffers transferred as a worker receives them, a task later.
 */
class FakeWorker extends EventTarget {
  terminated = false;
  readonly received: RangeAnswerRequest[] = [];
  constructor(private readonly behaviour: Behaviour) {
    super();
    setTimeout(() => {
      if (behaviour === 'cannot start') this.fail('Refused to load the worker script');
      else this.dispatchEvent(new MessageEvent('message', { data: { kind: 'ready' } }));
    }, 0);
  }
  private fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  postMessage(data: RangeAnswerRequest, transfer: Transferable[]): void {
    const request = structuredClone(data, { transfer });
    this.received.push(request);
    setTimeout(() => {
      if (this.terminated || this.behaviour === 'hangs') return;
      if (this.behaviour === 'crashes') return this.fail('Uncaught RangeError: Array buffer allocation failed');
      const reply = answerRangeRequest(request);
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply, { transfer: transferablesOf(reply) }) }));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function workers(...behaviours: Behaviour[]) {
  const started: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker(behaviours[Math.min(started.length, behaviours.length - 1)] as Behaviour);
    started.push(worker);
    return worker as unknown as Worker;
  };
  return { started, create };
}

const ENDPOINT = '/api/v1/query_range';
const OK = { ok: true, status: 200, statusText: 'OK' };
const TEXT = JSON.stringify({
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[10, '1'], [20, '2']] }] },
});
const bytes = () => [new TextEncoder().encode(TEXT)];
const expected = readRangeAnswer(TEXT, OK, ENDPOINT);

describe('reading range answers in a worker', () => {
  it('answers what reading here answers, and reuses one worker for every read', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    const [first, second] = await Promise.all([reader.read(ENDPOINT, OK, bytes()), reader.read(ENDPOINT, OK, bytes())]);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(false);
  });

  it("hands the body's bytes over instead of copying them", async () => {
    const { create } = workers('answers');
    const body = bytes();
    await createRangeAnswerReader(create).read(ENDPOINT, OK, body);
    expect(body[0]?.byteLength).toBe(0);
  });

  it('rejects with the PromClientError the answer means', async () => {
    const { create } = workers('answers');
    const read = createRangeAnswerReader(create).read(ENDPOINT, { ok: false, status: 503, statusText: 'Service Unavailable' }, [new TextEncoder().encode('busy')]);
    await expect(read).rejects.toBeInstanceOf(PromClientError);
    await expect(read).rejects.toMatchObject({ kind: 'unavailable', status: 503, message: 'The Prometheus server is unavailable (HTTP 503 Service Unavailable)' });
  });

  it('an abort during the read terminates the worker, rejects with the reason, and the next read starts a fresh one', async () => {
    const { started, create } = workers('hangs', 'answers');
    const reader = createRangeAnswerReader(create);
    const controller = new AbortController();
    const pending = reader.read(ENDPOINT, OK, bytes(), controller.signal);
    await vi.waitFor(() => expect(started[0]?.received).toHaveLength(1));
    const reason = new DOMException('no answer within 30 s', 'TimeoutError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(started[0]?.terminated).toBe(true);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('an abort while queued drops the read without disturbing the one running', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    const controller = new AbortController();
    const running = reader.read(ENDPOINT, OK, bytes());
    const queued = reader.read(ENDPOINT, OK, bytes(), controller.signal);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await expect(running).resolves.toEqual(expected);
    expect(started[0]?.received).toHaveLength(1);
    expect(started[0]?.terminated).toBe(false);
  });

  it('starts no work for a read already cancelled', async () => {
    const { started, create } = workers('answers');
    const controller = new AbortController();
    controller.abort();
    await expect(createRangeAnswerReader(create).read(ENDPOINT, OK, bytes(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toHaveLength(0);
  });

  it('reads here when the worker cannot start (a policy or a missing file), and from then on', async () => {
    const { started, create } = workers('cannot start');
    const reader = createRangeAnswerReader(create);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(1);
  });

  it('a worker that dies mid-read fails that read as malformed, and the next read gets a new worker', async () => {
    const { started, create } = workers('crashes', 'answers');
    const reader = createRangeAnswerReader(create);
    const failed = reader.read(ENDPOINT, OK, bytes());
    await expect(failed).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('Array buffer allocation failed') });
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('reads on this thread where there is no Worker', async () => {
    await expect(createRangeAnswerReader(undefined).read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
  });

  it('reads a small answer here without starting the worker, and hands a big one to the worker', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length + 1 });
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(0);
    const bigger = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length });
    await expect(bigger.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(1);
    expect(started[0]?.received).toHaveLength(1);
  });
});

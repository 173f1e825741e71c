import { describe, expect, it } from 'vitest';
import { readSeed } from './fixtures/readFixture';
import { parsePostmortem } from './parsePostmortem';
import { answerParseRequest } from './parsePostmortemMessages';
import { ReadAbortedError, readPostmortemOffThread } from './readPostmortemOffThread';

type Behaviour = 'answers' | 'hangs' | 'crashes';

/**
 * A stand-in for the platform's Worker (jsdom has none) that runs the real worker's handler on a
 * structured clone of the message, a task later, as a worker answers.
 */
class FakeWorker extends EventTarget {
  terminated = false;
  constructor(private readonly behaviour: Behaviour) {
    super();
  }
  postMessage(data: unknown): void {
    setTimeout(() => {
      if (this.terminated || this.behaviour === 'hangs') return;
      if (this.behaviour === 'crashes') this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught RangeError: out of memory' }));
      else this.dispatchEvent(new MessageEvent('message', { data: structuredClone(answerParseRequest(structuredClone(data))) }));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function workers(behaviour: Behaviour) {
  const started: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker(behaviour);
    started.push(worker);
    return worker as unknown as Worker;
  };
  return { started, create };
}

const OPTIONS = { id: 'seed', timezone: 'UTC' };

describe('reading a postmortem off the main thread', () => {
  it('answers what the parser reads, and ends the worker once it has answered', async () => {
    const { started, create } = workers('answers');
    const result = await readPostmortemOffThread(readSeed(), OPTIONS, undefined, create);
    expect(result).toEqual(parsePostmortem(readSeed(), OPTIONS));
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(true);
  });

  it('a newer read cancels the older: its worker is terminated and its promise rejects as aborted', async () => {
    const { started, create } = workers('hangs');
    const older = new AbortController();
    const pending = readPostmortemOffThread(readSeed(), OPTIONS, older.signal, create);
    older.abort();
    await expect(pending).rejects.toBeInstanceOf(ReadAbortedError);
    expect(started[0]?.terminated).toBe(true);
  });

  it('starts no worker for a read already cancelled', async () => {
    const { started, create } = workers('answers');
    await expect(readPostmortemOffThread('text', OPTIONS, AbortSignal.abort(), create)).rejects.toBeInstanceOf(ReadAbortedError);
    expect(started).toHaveLength(0);
  });

  it('turns a worker that fails into an error that says so', async () => {
    const { started, create } = workers('crashes');
    await expect(readPostmortemOffThread(readSeed(), OPTIONS, undefined, create)).rejects.toThrow('The background reader failed: Uncaught RangeError: out of memory.');
    expect(started[0]?.terminated).toBe(true);
  });

  it('parses on this thread where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    await expect(readPostmortemOffThread(readSeed(), OPTIONS)).resolves.toEqual(parsePostmortem(readSeed(), OPTIONS));
  });
});

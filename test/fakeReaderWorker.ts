// A stand-in for the range answer reader's Worker in tests (jsdom and Node have no Worker) that
// runs the real worker code.
import type { ToReaderWorker } from '../src/prometheus/rangeAnswerMessages';
import { serveRangeAnswers, type ReaderWorkerScope } from '../src/prometheus/rangeAnswerService';

/** 'still starting': its script never finishes loading, so it never says it is ready. */
export type Behaviour = 'answers' | 'hangs' | 'cannot start' | 'crashes' | 'still starting';

/**
 * A stand-in for the platform's Worker (jsdom has none) that runs the real worker (serveRangeAnswers)
 * on structured clones of the messages both ways, buffers transferred as a worker receives them, a
 * task later. Its fetch is this process's, which MSW intercepts.
 */
export class FakeWorker extends EventTarget {
  terminated = false;
  readonly received: ToReaderWorker[] = [];
  private readonly inside = new EventTarget();
  constructor(private readonly behaviour: Behaviour) {
    super();
    setTimeout(() => {
      if (behaviour === 'cannot start') return this.fail('Refused to load the worker script');
      if (behaviour === 'still starting') return;
      const scope: ReaderWorkerScope = {
        addEventListener: (type, listener) => this.inside.addEventListener(type, listener as EventListener),
        postMessage: (data, transfer) => {
          if (this.terminated) return;
          const copy: unknown = structuredClone(data, { transfer });
          setTimeout(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data: copy })), 0);
        },
      };
      serveRangeAnswers(scope, () => globalThis.fetch);
    }, 0);
  }
  private fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  postMessage(data: ToReaderWorker, transfer: Transferable[] = []): void {
    const message = structuredClone(data, { transfer });
    this.received.push(message);
    setTimeout(() => {
      if (this.terminated || (this.behaviour === 'hangs' && message.kind !== 'abort')) return;
      if (this.behaviour === 'crashes') return this.fail('Uncaught RangeError: Array buffer allocation failed');
      this.inside.dispatchEvent(new MessageEvent('message', { data: message }));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

export function workers(...behaviours: Behaviour[]) {
  const started: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker(behaviours[Math.min(started.length, behaviours.length - 1)] as Behaviour);
    started.push(worker);
    return worker as unknown as Worker;
  };
  return { started, create };
}


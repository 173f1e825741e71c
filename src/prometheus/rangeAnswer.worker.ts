/**
 * Reads query_range answers off the page's thread: an 18 MB answer of 1,000 series takes seconds
 * to parse, validate and convert, and the page must keep answering meanwhile (issue 13). Loaded
 * as a same-origin module, which the CSP's `script-src 'self'` allows (worker-src falls back to it).
 */
import { answerRangeRequest, transferablesOf, type RangeAnswerRequest } from './rangeAnswerMessages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<RangeAnswerRequest>) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const reply = answerRangeRequest(event.data);
  scope.postMessage(reply, transferablesOf(reply));
});
// Tells the page the module loaded: until then a body stays on the page, so a worker that cannot
// start (a CSP, a missing file) costs nothing but reading on the page instead.
scope.postMessage({ kind: 'ready' }, []);

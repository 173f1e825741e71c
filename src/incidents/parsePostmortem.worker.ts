/**
 * Reads a postmortem off the page's thread: a multi-megabyte document never freezes the tab.
 * Loaded as a same-origin module, which the CSP's `script-src 'self'` allows (worker-src falls back
 * to it). Here there is no DOMParser, so HTML goes through the tag scanner, which reads the same text.
 */

import { answerParseRequest } from './parsePostmortemMessages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => scope.postMessage(answerParseRequest(event.data)));

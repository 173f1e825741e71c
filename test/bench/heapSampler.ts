// Memory figures of a page through the Chrome DevTools Protocol, after a forced garbage collection
// so that only what is still reachable counts.
import type { Page } from 'playwright-core';
import { fromPlaywrightSession, type ProtocolSession } from './protocolSession';

export interface MemoryReading {
  readonly heapUsedBytes: number;
  readonly embedderHeapBytes: number;
  readonly documents: number;
  readonly nodes: number;
  readonly listeners: number;
}

export async function readMemory(session: ProtocolSession): Promise<MemoryReading> {
  await session.send('HeapProfiler.collectGarbage');
  // embedderHeapUsedSize is newer than the protocol types playwright-core ships.
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  const dom = (await session.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return { heapUsedBytes: heap.usedSize, embedderHeapBytes: heap.embedderHeapUsedSize ?? 0, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

export interface HeapSampler {
  read(): Promise<MemoryReading>;
  readonly session: ProtocolSession;
  detach(): Promise<void>;
}

/** A sampler on its own Playwright CDP session of `page`. */
export async function createHeapSampler(page: Page): Promise<HeapSampler> {
  const session = fromPlaywrightSession(await page.context().newCDPSession(page));
  return { session, read: () => readMemory(session), detach: () => session.detach() };
}

// Memory figures of a page through the Chrome DevTools Protocol, after a forced garbage collection
// so that only what is still reachable counts.
import type { CDPSession, Page } from 'playwright-core';

export interface MemoryReading {
  readonly heapUsedBytes: number;
  readonly embedderHeapBytes: number;
  readonly documents: number;
  readonly nodes: number;
  readonly listeners: number;
}

export interface HeapSampler {
  read(): Promise<MemoryReading>;
  session: CDPSession;
  detach(): Promise<void>;
}

export async function createHeapSampler(page: Page): Promise<HeapSampler> {
  const session = await page.context().newCDPSession(page);
  return {
    session,
    async read() {
      await session.send('HeapProfiler.collectGarbage');
      // embedderHeapUsedSize is newer than the protocol types playwright-core ships.
      const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
      const dom = await session.send('Memory.getDOMCounters');
      return { heapUsedBytes: heap.usedSize, embedderHeapBytes: heap.embedderHeapUsedSize ?? 0, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners };
    },
    detach: () => session.detach(),
  };
}

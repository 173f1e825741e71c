// When a renderer is done: the page is painted once nothing under `root` has changed for a few
// frames. The end is the second animation frame after the last change (the first frame after a
// change paints it; the second starts once that paint is on screen). Canvas renderers change no
// DOM, so their end is the second frame after the call — they draw in that call or in the next frame.

export interface Settled {
  /** performance.now() at the end. */
  readonly endMs: number;
  /** Mutation observer callbacks that wrote a series path's `d` (one per commit that redrew lines). */
  readonly pathDrawBatches: number;
  /** Every `d` write to a series path. */
  readonly pathWrites: number;
}

const QUIET_FRAMES = 4;
const SERIES_PATH = '[data-testid="series-lines"] path';

export function settle(root: Element, sinceMs: number): Promise<Settled> {
  let lastChange = sinceMs;
  let pathDrawBatches = 0;
  let pathWrites = 0;
  const observer = new MutationObserver((records) => {
    lastChange = performance.now();
    let writes = 0;
    for (const r of records) if (r.attributeName === 'd' && r.target instanceof Element && r.target.matches(SERIES_PATH)) writes++;
    if (writes > 0) pathDrawBatches++;
    pathWrites += writes;
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const frames: number[] = [];
  return new Promise((resolve) => {
    const frame = () => {
      const now = performance.now();
      frames.push(now);
      const after = frames.filter((t) => t > lastChange);
      if (after.length >= QUIET_FRAMES) {
        observer.disconnect();
        resolve({ endMs: after[1] as number, pathDrawBatches, pathWrites });
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// The page under test of the render bench (built by test/bench/renderBench.ts). Node drives it
// through window.__renderBench: one page per renderer, size and run, so heaps and JIT state never
// mix between renderers.
import '../../../src/app/styles.css';
import { syntheticSeries } from '../syntheticSeries';
import { createRenderer, type Renderer, type View } from './renderers';
import type { RendererName } from './rendererNames';
import { settle } from './settle';
import { CHANGE_MARK } from '../hoverTrace';

export interface DrawFigure {
  readonly ms: number;
  /** Commits that wrote series paths (vigil only; 0 for canvas renderers). */
  readonly pathDrawBatches: number;
  /** `d` writes per drawn series path. */
  readonly pathWritesPerSeries: number;
}

export interface RenderBenchApi {
  prepare(name: RendererName, seriesCount: number, points: number): void;
  firstPaint(): Promise<DrawFigure>;
  refresh(): Promise<DrawFigure>;
  /** Starts the clock at the next pointer move anywhere in the page. */
  armHover(): void;
  hoverResult(): Promise<number>;
  /**
   * Marks every visible change under the stage with console.timeStamp(CHANGE_MARK) while on: DOM
   * mutations and 2D canvas drawing, for the traced hover pass (hoverTrace.ts). Off by default, so
   * the untraced figures pay nothing for it.
   */
  markChanges(on: boolean): void;
}

const STEP_MS = 15_000;
const stage = document.getElementById('stage') as HTMLElement;
let renderer: Renderer | undefined;
let seriesCount = 0;
let first: unknown;
let shifted: unknown;
let hover: Promise<number> | undefined;

/** `points` samples, and the same range one sample later (a refresh of a moving range). */
function views(count: number, points: number): [View, View] {
  const all = syntheticSeries({ seriesCount: count, points: points + 1, startMs: Date.UTC(2026, 0, 1), stepMs: STEP_MS });
  const window = (from: number): View => ({
    series: all.map((s) => ({ labels: s.labels, timestamps: s.timestamps.slice(from, from + points), values: s.values.slice(from, from + points) })),
    start: all[0]?.timestamps[from] as number,
    end: all[0]?.timestamps[from + points - 1] as number,
    step: STEP_MS,
  });
  return [window(0), window(1)];
}

async function timed(draw: () => void): Promise<DrawFigure> {
  const started = performance.now();
  draw();
  const done = await settle(stage, started);
  return { ms: done.endMs - started, pathDrawBatches: done.pathDrawBatches, pathWritesPerSeries: done.pathWrites / Math.max(1, seriesCount) };
}

let marking = false;
let markedThisTask = false;
/** One mark per task is enough: the trace only needs to know which task (and so which frame) changed. */
function markChange(): void {
  if (!marking || markedThisTask) return;
  markedThisTask = true;
  console.timeStamp(CHANGE_MARK);
  queueMicrotask(() => {
    markedThisTask = false;
  });
}
const changes = new MutationObserver(markChange);
// Canvas renderers change pixels, not DOM: every drawing call on a 2D context marks a change.
const DRAWING = ['fill', 'stroke', 'fillRect', 'strokeRect', 'clearRect', 'drawImage', 'fillText', 'strokeText', 'putImageData'] as const;
for (const name of DRAWING) {
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[name] as (...args: unknown[]) => unknown;
  proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    markChange();
    return original.apply(this, args);
  };
}

const api: RenderBenchApi = {
  prepare(name, count, points) {
    renderer = createRenderer(name);
    seriesCount = count;
    const [a, b] = views(count, points);
    first = renderer.prepare(a);
    shifted = renderer.prepare(b);
  },
  firstPaint: () => timed(() => renderer?.mount(stage, first)),
  refresh: () => timed(() => renderer?.update(shifted)),
  armHover() {
    hover = new Promise((resolve) => {
      const onMove = (event: Event) => {
        window.removeEventListener('pointermove', onMove, true);
        // The event's own time: when the input reached the page, before any handler ran.
        const started = event.timeStamp;
        void settle(stage, performance.now()).then((done) => resolve(done.endMs - started));
      };
      window.addEventListener('pointermove', onMove, true);
    });
  },
  hoverResult: () => hover ?? Promise.reject(new Error('armHover() first')),
  markChanges(on) {
    marking = on;
    if (on) changes.observe(stage, { subtree: true, childList: true, attributes: true, characterData: true });
    else changes.disconnect();
  },
};

(window as Window & { __renderBench?: RenderBenchApi }).__renderBench = api;

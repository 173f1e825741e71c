// What a hover move costs, read from a Chromium timeline trace of the moves (issue 13: "hover
// ≤ 16 ms at 50 series" means the move is painted in the very next frame at 60 Hz). The settle()
// latency (event → second animation frame after the last DOM change) has a floor of one to two
// frames by construction, so it measures the harness as much as the renderer; this reads instead:
//
// - frames: which main-thread frame paints the move's last visible change. Frames are the
//   renderer's `ProxyMain::BeginMainFrame` tasks (input handling, rAF callbacks, style, layout,
//   paint and commit of one frame). Chromium dispatches a pointer move at the start of a frame
//   (rAF-aligned input), so frame 1 is the one that dispatches the move: a change made in its
//   handler or rAF callbacks is painted in frame 1; a change made in a task after it (React's
//   scheduler, a timer) waits for frame 2. The page marks every change with console.timeStamp:
//   DOM mutations (a MutationObserver under the stage) and canvas drawing (ECharts' and uPlot's
//   2D context calls), so canvas renderers are judged by what they draw, not by their DOM.
// - main-thread work: the main thread's busy time from the move's input handling to the end of
//   that frame (its commit), i.e. top-level tasks clipped to that window; idle waiting for the
//   next frame is left out. It includes GC and the page's own bookkeeping (a few rAF callbacks and
//   the change marks), and tracing inflates scripting somewhat, so read it against uPlot and
//   ECharts measured the same way, not as an absolute.
import type { TraceEvent } from './traceSession';

/** Categories the analysis needs (kept few: tracing costs main-thread time). */
export const HOVER_TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'cc', 'input'] as const;
/** console.timeStamp label the bench page writes at each visible change. */
export const CHANGE_MARK = 'hover-change';

export interface HoverCost {
  /** 1 = painted in the frame that dispatched the move; NaN when nothing changed. */
  readonly frames: number;
  /** Main-thread busy ms from the move's input handling to the end of the painting frame. */
  readonly mainThreadMs: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const span = (e: TraceEvent): Span => ({ start: e.ts, end: e.ts + (e.dur ?? 0) });
const within = (t: number, s: Span) => t >= s.start && t <= s.end;

/** One HoverCost per pointermove dispatched on the renderer's main thread, in order. */
export function hoverCosts(events: readonly TraceEvent[]): HoverCost[] {
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const main = events.filter((e) => e.tid === mainTid).sort((a, b) => a.ts - b.ts);
  const complete = (name: string) => main.filter((e) => e.ph === 'X' && e.name === name).map(span);
  const frames = complete('ProxyMain::BeginMainFrame');
  const tasks = complete('ThreadControllerImpl::RunTask');
  const inputs = complete('WebFrameWidgetImpl::HandleInputEvent');
  const moves = main.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove').map(span);
  const marks = main
    .filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === CHANGE_MARK)
    .map((e) => e.ts);
  return moves.map((move, i) => {
    const next = moves[i + 1]?.start ?? Infinity;
    const changes = marks.filter((t) => t >= move.start && t < next);
    const last = changes[changes.length - 1];
    if (last === undefined) return { frames: NaN, mainThreadMs: NaN };
    const firstFrame = frames.findIndex((f) => f.end >= move.start);
    const paintFrame = frames.findIndex((f) => f.end >= last);
    const painting = frames[paintFrame];
    if (firstFrame < 0 || !painting) return { frames: NaN, mainThreadMs: NaN };
    // The move's own input handling (hit test, pointer and mouse events) counts; what ran before it does not.
    const from = inputs.find((s) => within(move.start, s))?.start ?? move.start;
    let busy = 0;
    for (const t of tasks) busy += Math.max(0, Math.min(t.end, painting.end) - Math.max(t.start, from));
    return { frames: paintFrame - firstFrame + 1, mainThreadMs: busy / 1000 };
  });
}

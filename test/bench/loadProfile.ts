// Where the first load's time goes (issue 13): one navigation of the built app against a real
// Prometheus, traced with Chromium's timeline and sampled with V8's CPU profiler at once. Printed:
// the requests in the order they started (is anything serial that could be parallel?), the main
// thread's longest tasks with what ran in them, the main thread's self time by kind, and the
// heaviest functions. With an unminified build (`vite build --minify false`), the functions keep
// their names. On a shared machine only the proportions within one load mean anything.
import type { Browser } from 'playwright-core';
import { drawnAtRecorder, waitForDrawnAt } from './pageLoadBench';
import { timelineBreakdown, topFunctions, type TimelineKind } from './renderProfile';
import { startTraceAndProfile, type TraceEvent } from './traceSession';
import { inclusiveWithin, REACT_PLUMBING } from './bigAnswerProfile';


export interface RequestTiming {
  readonly path: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface LongTask {
  readonly startMs: number;
  readonly durMs: number;
  /** The top-level event's name and, for scripts, its file or function. */
  readonly what: string;
  /** Tasks ≥ 50 ms: the heaviest functions inside by inclusive sampled time (React's work loop left out). */
  readonly functions: readonly string[];
}

export interface LoadProfile {
  readonly drawnMs: number;
  readonly requests: readonly RequestTiming[];
  readonly longTasks: readonly LongTask[];
  readonly timeline: Record<TimelineKind, number> & { rasterTasks: number };
  readonly top: [string, number][];
}


/** What a top-level task on the main thread was, from its deepest informative event. */
function describeTask(task: TraceEvent, inside: readonly TraceEvent[]): string {
  const names = new Set<string>();
  for (const e of inside) {
    const d = e.args?.data;
    if (e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') names.add(`${e.name} ${(d?.url ?? '').split('/').pop()}`);
    else if (e.name === 'FunctionCall' && d?.functionName) names.add(`call ${d.functionName}`);
    else if (['TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'EventDispatch', 'ResourceReceivedData', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'RunMicrotasks'].includes(e.name))
      names.add(e.name + (e.name === 'EventDispatch' && d?.type ? `(${d.type})` : ''));
  }
  return [...names].slice(0, 6).join(', ') || task.name;
}

export async function profileFirstLoad(browser: Browser, url: string, totalLines: number): Promise<LoadProfile> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: drawnAtRecorder(totalLines) });
    // Requests a worker makes (the range answers) are not in the page's resource timing: the
    // context sees them, with epoch start times the page's timeOrigin turns into ms since navigation.
    const contextRequests: { path: string; startEpochMs: number; endAfterStartMs: number }[] = [];
    context.on('requestfinished', (request) => {
      const url = new URL(request.url());
      const timing = request.timing();
      contextRequests.push({ path: url.pathname + url.search.slice(0, 60), startEpochMs: timing.startTime, endAfterStartMs: timing.responseEnd });
    });
    const cdp = await context.newCDPSession(page);
    const stopTracing = await startTraceAndProfile(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading']);
    await page.goto(url);
    const drawnMs = await waitForDrawnAt(page, 60_000);
    const { events, profile } = await stopTracing();
    const measured = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      requests: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search.slice(0, 60), startMs: e.startTime, endMs: (e as PerformanceResourceTiming).responseEnd })),
      navigationEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0,
    }));
    await cdp.detach();

    const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.tid === e.tid && x.name === 'EvaluateScript'))?.tid ?? -1;
    // Trace timestamps are µs on the monotonic clock; the page's performance.now() origin in the
    // same clock is the navigation start, which the trace marks.
    const navStart = events.find((e) => e.name === 'navigationStart' && e.tid === mainTid)?.ts ?? events.find((e) => e.name === 'navigationStart')?.ts ?? 0;
    const drawnTs = navStart + drawnMs * 1000;
    const windowed = events.filter((e) => e.ts >= navStart && e.ts <= drawnTs);
    const main = windowed.filter((e) => e.tid === mainTid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    const longTasks: LongTask[] = [];
    for (const task of main.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 15_000)) {
      const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && e !== task);
      const functions =
        (task.dur ?? 0) >= 50_000
          ? inclusiveWithin(profile, task.ts, task.ts + (task.dur ?? 0), 40)
              .filter(([name]) => !REACT_PLUMBING.test(name))
              .slice(0, 12)
              .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
          : [];
      longTasks.push({ startMs: (task.ts - navStart) / 1000, durMs: (task.dur ?? 0) / 1000, what: describeTask(task, inside), functions });
    }
    const seenByPage = new Set(measured.requests.map((r) => r.path));
    const fromWorkers = contextRequests
      .filter((r) => !seenByPage.has(r.path) && r.path !== '/')
      .map((r) => ({ path: `${r.path} (worker)`, startMs: r.startEpochMs - measured.timeOrigin, endMs: r.startEpochMs - measured.timeOrigin + r.endAfterStartMs }));
    return {
      drawnMs,
      requests: [{ path: '(document)', startMs: 0, endMs: measured.navigationEnd }, ...measured.requests, ...fromWorkers].sort((a, b) => a.startMs - b.startMs),
      longTasks,
      timeline: timelineBreakdown(windowed, mainTid),
      top: topFunctions(profile, 25),
    };
  } finally {
    await context.close();
  }
}

export function formatLoadProfile(p: LoadProfile): string {
  const lines = [`navigation → panels drawn: ${p.drawnMs.toFixed(0)} ms`, '  requests (ms since navigation: start → end):'];
  for (const r of p.requests) lines.push(`    ${r.startMs.toFixed(0).padStart(6)} → ${r.endMs.toFixed(0).padStart(6)}  ${r.path}`);
  const { rasterTasks, ...timeline } = p.timeline;
  lines.push(`  main thread self time until drawn (${rasterTasks} raster tasks):`);
  for (const [kind, ms] of Object.entries(timeline)) lines.push(`    ${kind.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`);
  lines.push('  main-thread tasks ≥ 15 ms (start, duration, what ran):');
  for (const t of p.longTasks) {
    lines.push(`    ${t.startMs.toFixed(0).padStart(6)} ${t.durMs.toFixed(0).padStart(5)} ms  ${t.what}`);
    if (t.functions.length > 0) lines.push(`                    functions (inclusive ms): ${t.functions.join(', ')}`);
  }
  lines.push('  heaviest functions (self, sampled):');
  for (const [fn, ms] of p.top) lines.push(`    ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
  return lines.join('\n');
}

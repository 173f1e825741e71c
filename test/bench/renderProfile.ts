// Where a refresh of vigil's chart spends its time (issue 13): one page traces the refresh with
// Chromium's timeline categories (main-thread self time split into scripting, style, layout,
// paint and raster, which runs on other threads), a second page samples it with V8's CPU profiler
// (scripting split by function: M4, path strings, React, Recharts, legend statistics). The page is
// built without minifying, so the profile keeps the functions' names. On a shared machine only the
// proportions within one run mean anything, never the milliseconds.
import type { Browser, Page } from 'playwright-core';
import { serveDist } from '../e2e';
import { buildRenderPage, hoverLatency } from './renderBench';
import type { RenderBenchApi } from './render/page';
import type { RendererName } from './render/rendererNames';
import type { CpuProfile, TraceEvent } from './traceSession';

type BenchWindow = Window & { __renderBench: RenderBenchApi };

export type TimelineKind = 'scripting' | 'gc' | 'style' | 'layout' | 'paint' | 'raster' | 'other';


const KIND_OF: Record<string, TimelineKind> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  RunMicrotasks: 'scripting',
  FireAnimationFrame: 'scripting',
  TimerFire: 'scripting',
  EventDispatch: 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'V8.ParseFunction': 'scripting',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  'ThreadState::performIdleLazySweep': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  UpdateLayoutTreeAndLayout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  PaintImage: 'paint',
  RasterTask: 'raster',
  'RasterizerTaskImpl::RunOnWorkerThread': 'raster',
  GPUTask: 'raster',
};

/** Self time (ms) per kind: each event's duration minus its children's, nested by timestamps per thread. */
export function timelineBreakdown(events: readonly TraceEvent[], mainTid: number): Record<TimelineKind, number> & { rasterTasks: number } {
  const totals: Record<TimelineKind, number> = { scripting: 0, gc: 0, style: 0, layout: 0, paint: 0, raster: 0, other: 0 };
  const byThread = new Map<number, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const kind = KIND_OF[e.name];
    // Raster work happens off the main thread; everything else counts on the main thread only.
    if (e.tid !== mainTid && kind !== 'raster') continue;
    const list = byThread.get(e.tid) ?? [];
    list.push(e);
    byThread.set(e.tid, list);
  }
  const rasterTasks = events.filter((e) => e.ph === 'X' && KIND_OF[e.name] === 'raster').length;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // A stack of open events with the kind their time is charged to (an unknown child inherits its parent's).
    const stack: { end: number; kind: TimelineKind | undefined; self: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
        const done = stack.pop();
        if (done?.kind) totals[done.kind] += done.self / 1000;
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack[stack.length - 1];
      const dur = e.dur ?? 0;
      if (parent) parent.self -= dur;
      const kind = KIND_OF[e.name] ?? parent?.kind ?? (stack.length === 0 ? 'other' : undefined);
      stack.push({ end: e.ts + dur, kind, self: dur });
    }
    close(Infinity);
  }
  return { ...totals, rasterTasks };
}


/** What a function's self time is charged to in the breakdown: by name and source file. */
const SCRIPT_BUCKETS: readonly [string, (fn: string, url: string) => boolean][] = [
  ['M4 / decimation', (fn, url) => url.includes('downsample') || /^(m4|decimate|lowerBound|upperBound|flush|push|pushSample|pushBreak)$/.test(fn)],
  ['path strings', (fn) => /^(toSvgPath|coordinate)$/.test(fn)],
  ['legend stats', (fn) => fn === 'seriesStats'],
  ['Recharts', (_fn, url) => /pkg-(recharts|reselect|immer|redux|_reduxjs|react-redux|es-toolkit|victory|d3)/.test(url)],
  ['React', (_fn, url) => /pkg-(react|react-dom|scheduler)[-.]/.test(url)],
  ['DOM attributes (path parsing)', (fn) => fn === 'setAttribute'],
  ['GC', (fn) => fn === '(garbage collector)'],
  ['(program): native, raster and paint outside JS', (fn) => fn === '(program)'],
  ['idle', (fn) => fn === '(idle)'],
];

/** Self time (ms) per bucket of a V8 CPU profile; the rest under 'other'. */
export function scriptBreakdown(profile: CpuProfile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const fn = frame?.functionName ?? '';
    const url = frame?.url ?? '';
    const bucket = SCRIPT_BUCKETS.find(([, test]) => test(fn, url))?.[0] ?? `other`;
    totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/** The heaviest functions by self time, for reading beside the buckets. */
export function topFunctions(profile: CpuProfile, count: number): [string, number][] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const file = (frame?.url ?? '').split('/').pop() ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, count);
}

export interface RefreshProfile {
  readonly refreshMs: number;
  /** Median hover latency over the traced moves, and their timeline. */
  readonly hoverMs: number;
  readonly hoverTimeline: Record<TimelineKind, number> & { rasterTasks: number };
  readonly timeline: Record<TimelineKind, number> & { rasterTasks: number };
  readonly scripting: Map<string, number>;
  readonly top: [string, number][];
  /** First paint on a fresh page, traced and sampled the same way (the fixed cost of mounting). */
  readonly firstPaint: { readonly ms: number; readonly timeline: Record<TimelineKind, number> & { rasterTasks: number }; readonly scripting: Map<string, number>; readonly top: [string, number][] };
}

async function preparedPage(browser: Browser, url: string, renderer: RendererName, seriesCount: number, points: number, painted = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1200 } });
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(url);
  await page.waitForFunction(() => '__renderBench' in window);
  await page.evaluate(([r, n, p]) => (window as unknown as BenchWindow).__renderBench.prepare(r, n, p), [renderer, seriesCount, points] as const);
  if (painted) await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.firstPaint());
  return page;
}

async function sampled<T>(page: Page, action: () => Promise<T>): Promise<CpuProfile> {
  const profiler = await page.context().newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.send('Profiler.start');
  await action();
  const { profile } = (await profiler.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

const mountChart = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__renderBench.firstPaint());

async function traced<T>(page: Page, action: () => Promise<T>): Promise<{ result: T; timeline: Record<TimelineKind, number> & { rasterTasks: number } }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'cc', 'gpu'] },
  });
  const result = await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid ?? -1;
  return { result, timeline: timelineBreakdown(events, mainTid) };
}

const refresh = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__renderBench.refresh());

/** One traced and one sampled refresh of `renderer` at `seriesCount` × `points`. */
export async function profileRefresh(browser: Browser, options: { renderer: RendererName; seriesCount: number; points: number }): Promise<RefreshProfile> {
  const built = await buildRenderPage({ minify: false });
  const site = await serveDist({ distDir: built.path, config: {}, contentSecurityPolicy: false });
  const url = `${site.url}/index.html`;
  try {
    const page = await preparedPage(browser, url, options.renderer, options.seriesCount, options.points);
    const { result: figure, timeline } = await traced(page, () => refresh(page));
    await hoverLatency(page, options.renderer);
    const { result: hoverMs, timeline: hoverTimeline } = await traced(page, () => hoverLatency(page, options.renderer));
    await page.context().close();

    const sampledPage = await preparedPage(browser, url, options.renderer, options.seriesCount, options.points);
    const profile = await sampled(sampledPage, () => refresh(sampledPage));
    await sampledPage.context().close();

    const tracedMount = await preparedPage(browser, url, options.renderer, options.seriesCount, options.points, false);
    const { result: mounted, timeline: mountTimeline } = await traced(tracedMount, () => mountChart(tracedMount));
    await tracedMount.context().close();
    const sampledMount = await preparedPage(browser, url, options.renderer, options.seriesCount, options.points, false);
    const mountProfile = await sampled(sampledMount, () => mountChart(sampledMount));
    await sampledMount.context().close();
    return {
      refreshMs: figure.ms,
      timeline,
      hoverMs,
      hoverTimeline,
      scripting: scriptBreakdown(profile),
      top: topFunctions(profile, 12),
      firstPaint: { ms: mounted.ms, timeline: mountTimeline, scripting: scriptBreakdown(mountProfile), top: topFunctions(mountProfile, 12) },
    };
  } finally {
    await site.stop();
    await built.remove();
  }
}

function pushScripting(lines: string[], scripting: Map<string, number>, top: [string, number][], share: (ms: number, total: number) => string): void {
  const scriptTotal = [...scripting].filter(([k]) => k !== 'idle').reduce((a, [, v]) => a + v, 0);
  lines.push('  sampled scripting by owner (idle left out):');
  for (const [bucket, ms] of [...scripting].sort((a, b) => b[1] - a[1])) if (bucket !== 'idle') lines.push(`    ${bucket.padEnd(30)} ${share(ms, scriptTotal)}`);
  lines.push('  heaviest functions (self):');
  for (const [fn, ms] of top) lines.push(`    ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
}

/** The profile as lines of text, each part also as a share of the whole. */
export function formatRefreshProfile(label: string, p: RefreshProfile): string {
  const share = (ms: number, total: number) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / Math.max(total, 1e-9)).toFixed(0).padStart(3)} %`;
  const { rasterTasks, ...timeline } = p.timeline;
  const timelineTotal = Object.values(timeline).reduce((a, b) => a + b, 0);
  const lines = [`${label}: refresh ${p.refreshMs.toFixed(0)} ms (wall)`, `  timeline (main-thread self time; raster on its threads, ${rasterTasks} raster tasks):`];
  for (const [kind, ms] of Object.entries(timeline)) lines.push(`    ${kind.padEnd(10)} ${share(ms, timelineTotal)}`);
  const { rasterTasks: hoverRasterTasks, ...hover } = p.hoverTimeline;
  const hoverTotal = Object.values(hover).reduce((a, b) => a + b, 0);
  lines.push(`  hover, 5 moves traced: median ${p.hoverMs.toFixed(1)} ms (move → painted); ${hoverRasterTasks} raster tasks`);
  for (const [kind, ms] of Object.entries(hover)) lines.push(`    ${kind.padEnd(10)} ${share(ms, hoverTotal)}`);
  pushScripting(lines, p.scripting, p.top, share);
  const { rasterTasks: mountRasterTasks, ...mount } = p.firstPaint.timeline;
  const mountTotal = Object.values(mount).reduce((a, b) => a + b, 0);
  lines.push(`  first paint on a fresh page: ${p.firstPaint.ms.toFixed(0)} ms (wall); ${mountRasterTasks} raster tasks`);
  for (const [kind, ms] of Object.entries(mount)) lines.push(`    ${kind.padEnd(10)} ${share(ms, mountTotal)}`);
  pushScripting(lines, p.firstPaint.scripting, p.firstPaint.top, share);
  return lines.join('\n');
}

// Where the main thread's time goes while a panel draws a big answer (issue 11's 1,000 series):
// the big-answer bench's refresh, traced with Chromium's timeline and sampled with V8's CPU
// profiler from the click until the lines are drawn and the page is quiet. Printed: each main-
// thread task over 50 ms with its heaviest trace events, the heaviest functions, and how many DOM
// nodes the page holds after (a PrePaint or Layout that long walks a big tree). Build without
// minifying (`vite build --minify false`) to keep the functions' names.
import type { Browser } from 'playwright-core';
import { panel, waitForLines } from '../e2e/appPage';
import { BENCH_DATASOURCE, BenchApi, CLICK_REFRESH_AND_ARM } from './bigAnswerBench';
import { waitForDrawnAt } from './pageLoadBench';
import { topFunctions } from './renderProfile';
import { startTraceAndProfile, type CpuProfile } from './traceSession';


/** Sampled self time of `name` by its callers' chain (innermost first, `depth` frames), heaviest first. */
function callersOf(profile: CpuProfile, name: string, depth: number): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (frame?.functionName !== name || (name === '' && !frame.url.includes('/assets/'))) return;
    const chain: string[] = [];
    for (let at = parent.get(id); at !== undefined && chain.length < depth; at = parent.get(at)) chain.push(byId.get(at)?.callFrame.functionName || '(anonymous)');
    const key = chain.join(' < ');
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 4);
}

/**
 * Inside one stretch of time (the longest task): each function's inclusive sampled time (itself
 * and what it called, counted once per sample however often it recurs), heaviest first. Says
 * which step of the draw holds the task, where self times scatter over helpers.
 */
export function inclusiveWithin(profile: CpuProfile & { startTime?: number }, fromUs: number, toUs: number, count: number): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let at = profile.startTime ?? 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) return;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = byId.get(node)?.callFrame.functionName || '(anonymous)';
      if (name === '(root)' || seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + delta / 1000);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** React's own frames (work loop, hooks): on every stack, they say nothing of what the task did. */
export const REACT_PLUMBING = /^(performWorkOnRoot\w*|performSyncWorkOnRoot|performUnitOfWork|performWorkUntilDeadline|flushSyncWorkAcrossRoots_impl|processRootScheduleInMicrotask|renderRoot\w*|workLoop\w*|beginWork|renderWithHooks|update(FunctionComponent|Memo|SimpleMemoComponent|ForwardRef)|exports\.use\w+|\(anonymous\)|\(program\))$/;

export interface BigAnswerProfile {
  /** Functions by inclusive time inside the longest task (its samples' times are on the trace's clock). */
  readonly longestTask: readonly [string, number][];
  /** Each task ≥ 50 ms: its heaviest trace events, and its heaviest functions by inclusive time. */
  readonly tasks: readonly { readonly durMs: number; readonly parts: readonly string[]; readonly functions: readonly string[] }[];
  readonly top: [string, number][];
  readonly callers: readonly [string, [string, number][]][];
  readonly domNodes: number;
  readonly panelNodes: number;
}

export async function profileBigAnswer(browser: Browser, pageUrl: string, seriesCount: number, points?: number): Promise<BigAnswerProfile> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
  const api = new BenchApi(seriesCount, points);
  try {
    await context.route(`**${BENCH_DATASOURCE}/api/v1/**`, async (route) => {
      const url = new URL(route.request().url());
      const form = new URLSearchParams(route.request().postData() ?? url.search);
      return route.fulfill({ status: 200, contentType: 'application/json', body: api.answer(url.pathname, form) });
    });
    const page = await context.newPage();
    await page.goto(pageUrl);
    const memory = panel(page, 'Memory');
    await waitForLines(memory, 3, 60_000);
    const cdp = await context.newCDPSession(page);
    const stopTracing = await startTraceAndProfile(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink']);
    // The page load's tail (frames of 100–150 ms up to 260 ms after three lines show) is over before the click.
    await page.waitForTimeout(1_000);
    api.big = true;
    // The bench's DOM click and CDP wait: Playwright's locators would run their script in the profiled page.
    await page.evaluate(CLICK_REFRESH_AND_ARM);
    await waitForDrawnAt(page, 120_000);
    await page.waitForTimeout(1_000);
    const { events, profile } = await stopTracing();
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const panelNodes = await memory.evaluate((el) => el.getElementsByTagName('*').length);
    await cdp.detach();

    // The page's main thread: the renderer main thread that ran this task's handlers.
    const mainTid = events.find((e) => e.name === 'EventDispatch')?.tid ?? -1;
    const main = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    const tasks = main
      .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000)
      .map((task) => {
        const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && (e.dur ?? 0) >= 2_000);
        const parts = inside
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
          .slice(0, 10)
          .map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${((e.dur ?? 0) / 1000).toFixed(0)}`);
        const functions = inclusiveWithin(profile, task.ts, task.ts + (task.dur ?? 0), 60)
          .filter(([name]) => !REACT_PLUMBING.test(name))
          .slice(0, 12)
          .map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
        return { durMs: (task.dur ?? 0) / 1000, parts: [`at +${((task.ts - (main[0]?.ts ?? task.ts)) / 1000).toFixed(0)} ms:`, ...parts], functions };
      });
    const longest = main.filter((e) => e.name === 'RunTask').reduce<(typeof main)[number] | undefined>((a, b) => ((b.dur ?? 0) > (a?.dur ?? 0) ? b : a), undefined);
    const longestTask = longest ? inclusiveWithin(profile, longest.ts, longest.ts + (longest.dur ?? 0), 40) : [];
    const top = topFunctions(profile, 25);
    const callers = top.slice(1, 9).map(([fn]): [string, [string, number][]] => [fn, callersOf(profile, fn.startsWith('(anonymous)') ? '' : (fn.split(' ')[0] ?? ''), 6)]);
    return { tasks, longestTask, top, callers, domNodes, panelNodes };
  } finally {
    await context.close();
  }
}

export function formatBigAnswerProfile(p: BigAnswerProfile): string {
  const lines = [`DOM after: ${p.domNodes} elements, ${p.panelNodes} in the Memory panel`, '  main-thread tasks ≥ 50 ms (ms; heaviest events inside, ms):'];
  for (const t of p.tasks) {
    lines.push(`    ${t.durMs.toFixed(0).padStart(5)}  ${t.parts.join(', ')}`);
    if (t.functions.length > 0) lines.push(`           functions (inclusive ms): ${t.functions.join(', ')}`);
  }
  lines.push('  inside the longest task, functions by inclusive time (sampled ms):');
  for (const [fn, ms] of p.longestTask) lines.push(`    ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
  lines.push('  heaviest functions (self, sampled):');
  for (const [fn, ms] of p.top) lines.push(`    ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
  lines.push('  their callers (sampled ms):');
  for (const [fn, chains] of p.callers) {
    lines.push(`    ${fn}`);
    for (const [chain, ms] of chains) lines.push(`      ${ms.toFixed(1).padStart(7)}  < ${chain}`);
  }
  return lines.join('\n');
}

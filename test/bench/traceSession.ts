// One Chromium timeline trace and V8 CPU profile over a stretch of a page's life, for the bench's
// profilers (load, refresh, big answer): started together, stopped together.
import type { CDPSession } from 'playwright-core';

/** A timeline event as Chromium's tracing reports it (the fields the profilers read). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; message?: string } };
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string };
  readonly children?: readonly number[];
}

/** V8's sampled CPU profile (Profiler.stop). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Starts tracing `categories` and sampling every 0.5 ms on `cdp`; the function it returns stops
 * both and resolves with what they collected.
 */
export async function startTraceAndProfile(cdp: CDPSession, categories: readonly string[]): Promise<() => Promise<{ events: TraceEvent[]; profile: CpuProfile }>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...categories] } });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await complete;
    return { events, profile };
  };
}

// Benchmarks that run in Node: drawing paths from columns, the demo evaluator, and the Prometheus
// client's parse and convert. They measure; they never assert a timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryRange } from '../../mocks';
import { createPromClient } from '../../src/prometheus';
import { m4, toSvgPath } from '../../src/series';
import { alignRange, stepFor } from '../../src/time';
import { REPO_ROOT } from './appBuild';
import { median, timeRuns, timeRunsAsync } from './stats';
import { matrixResponseBody, syntheticSeries } from './syntheticSeries';

export interface DownsampleFigure {
  readonly seriesCount: number;
  readonly pointsPerSeries: number;
  readonly medianMs: number;
  /** Points kept by M4 over all series, and the SVG path text produced. */
  readonly keptPoints: number;
  readonly pathChars: number;
}

const SCRAPE_MS = 15_000;

/** m4 then toSvgPath for every series, as a panel draws them. */
export function benchDownsampling(seriesCounts: readonly number[], points: number, widthPx: number, runs: number): DownsampleFigure[] {
  return seriesCounts.map((seriesCount) => {
    const start = Date.UTC(2024, 0, 15);
    const series = syntheticSeries({ seriesCount, points, startMs: start, stepMs: SCRAPE_MS });
    const end = start + (points - 1) * SCRAPE_MS;
    let low = Infinity;
    let high = -Infinity;
    for (const s of series) {
      for (const v of s.values) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    const xScale = (t: number) => ((t - start) / (end - start)) * widthPx;
    const yScale = (v: number) => 300 - ((v - low) / (high - low)) * 300;
    let keptPoints = 0;
    let pathChars = 0;
    const draw = () => {
      keptPoints = 0;
      pathChars = 0;
      for (const s of series) {
        const kept = m4({ timestamps: s.timestamps, values: s.values, start, end, widthPx, gapMs: SCRAPE_MS * 1.5 });
        keptPoints += kept.length;
        pathChars += toSvgPath(kept, xScale, yScale).length;
      }
    };
    const times = timeRuns(draw, runs);
    return { seriesCount, pointsPerSeries: points, medianMs: median(times), keptPoints, pathChars };
  });
}

interface DashboardFile {
  panels: { title: string; queries: { expr: string; legend?: string }[] }[];
}

/**
 * Dashboard variables at their "All" value. Multi-value variables sit in regex matchers
 * (`instance=~"$instance"`), where "All" is `.*`.
 */
export function withAllValues(expr: string): string {
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, '.*');
}

export interface EvaluatorFigure {
  readonly range: string;
  readonly query: string;
  readonly stepMs: number;
  readonly medianMs: number;
  readonly series: number;
  readonly pointsPerSeries: number;
}

export interface BenchRange {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** The dashboard's queries through the demo evaluator, at the step a 1,200 px panel asks for. */
export function benchEvaluator(ranges: readonly BenchRange[], widthPx: number, runs: number): EvaluatorFigure[] {
  const dashboard = JSON.parse(readFileSync(join(REPO_ROOT, 'public/dashboards/incident.json'), 'utf8')) as DashboardFile;
  const queries = dashboard.panels.flatMap((p) =>
    p.queries.map((q, i) => ({ label: p.queries.length > 1 ? `${p.title} #${i + 1}` : p.title, expr: withAllValues(q.expr) })),
  );
  return ranges.flatMap((range) => {
    const stepMs = stepFor({ start: range.start, end: range.end, widthPx });
    const aligned = alignRange(range.start, range.end, stepMs);
    const params = { startMs: aligned.start, endMs: aligned.end, stepMs };
    const perQuery = queries.map(({ label, expr }) => {
      let result = queryRange(expr, params);
      const times = timeRuns(() => {
        result = queryRange(expr, params);
      }, runs);
      return { range: range.label, query: label, stepMs, medianMs: median(times), series: result.result.length, pointsPerSeries: result.result[0]?.timestamps.length ?? 0 };
    });
    const total = perQuery.reduce((sum, f) => sum + f.medianMs, 0);
    return [...perQuery, { range: range.label, query: 'all panels (sum of medians)', stepMs, medianMs: total, series: perQuery.reduce((n, f) => n + f.series, 0), pointsPerSeries: perQuery[0]?.pointsPerSeries ?? 0 }];
  });
}

export interface ClientFigure {
  readonly what: string;
  readonly medianMs: number;
}

/**
 * `createPromClient(...).queryRange` on a prebuilt answer of `seriesCount` × `points`: body read,
 * JSON.parse, zod validation and conversion to columns. JSON.parse alone is measured as the floor.
 */
export async function benchPromClient(seriesCount: number, points: number, runs: number): Promise<{ bodyBytes: number; figures: ClientFigure[] }> {
  const start = Date.UTC(2024, 0, 15);
  const body = matrixResponseBody(syntheticSeries({ seriesCount, points, startMs: start, stepMs: SCRAPE_MS }));
  const client = createPromClient({
    baseUrl: 'http://bench.invalid',
    fetch: async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
  });
  const range = { expr: 'bench_metric', start, end: start + (points - 1) * SCRAPE_MS, step: SCRAPE_MS };
  let converted = 0;
  const clientTimes = await timeRunsAsync(async () => {
    const set = await client.queryRange(range);
    converted = set.series.length;
  }, runs);
  if (converted !== seriesCount) throw new Error(`the client returned ${converted} series, expected ${seriesCount}`);
  const textTimes = await timeRunsAsync(async () => {
    await new Response(body).text();
  }, runs);
  const parseTimes = timeRuns(() => JSON.parse(body), runs);
  return {
    bodyBytes: Buffer.byteLength(body),
    figures: [
      { what: 'client.queryRange: read + parse + validate + convert', medianMs: median(clientTimes) },
      { what: 'of which Response.text() alone', medianMs: median(textTimes) },
      { what: 'of which JSON.parse alone', medianMs: median(parseTimes) },
    ],
  };
}

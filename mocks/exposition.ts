// Text formats for loading raw series into real backends (promtool blocks, VictoriaMetrics import).

/** One raw series as scraped: labels (with `__name__`), ascending ms timestamps, values. */
export interface RawSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** Prometheus' staleness markers: true where the sample ends the series (no value from then on). */
  readonly stale?: readonly boolean[];
}

export type MetricType = 'gauge' | 'counter';

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name{a="1",b="2"}` with label names sorted, as both text formats expect. */
export function seriesIdentifier(labels: Readonly<Record<string, string>>): string {
  const name = labels.__name__ ?? '';
  const pairs = Object.keys(labels)
    .filter((key) => key !== '__name__')
    .sort()
    .map((key) => `${key}="${escapeLabelValue(labels[key] ?? '')}"`);
  return pairs.length > 0 ? `${name}{${pairs.join(',')}}` : name;
}

/** Go's ParseFloat reads all of these; ±Inf and NaN use the spelling both formats define. */
function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function groupByName(series: readonly RawSeries[]): Map<string, RawSeries[]> {
  const families = new Map<string, RawSeries[]>();
  for (const s of series) {
    const name = s.labels.__name__ ?? '';
    const family = families.get(name);
    if (family) family.push(s);
    else families.set(name, [s]);
  }
  return families;
}

/**
 * OpenMetrics text (timestamps in seconds) ending in `# EOF`. Each family's samples are contiguous
 * and each series' samples in time order, which promtool's block writer requires. OpenMetrics names
 * a counter family without its `_total` suffix while the samples keep it.
 */
export function formatOpenMetrics(
  series: readonly RawSeries[],
  types: Readonly<Record<string, MetricType>>,
): string {
  const lines: string[] = [];
  for (const [name, members] of groupByName(series)) {
    const type = types[name] ?? 'gauge';
    const family = type === 'counter' ? name.replace(/_total$/, '') : name;
    lines.push(`# TYPE ${family} ${type}`);
    for (const s of members) {
      const id = seriesIdentifier(s.labels);
      s.timestamps.forEach((t, i) => {
        lines.push(`${id} ${formatSampleValue(s.values[i] ?? NaN)} ${t / 1000}`);
      });
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** Prometheus text exposition, one sample per line with a ms timestamp (VictoriaMetrics import). */
export function formatPrometheusImportLines(series: readonly RawSeries[]): string {
  const lines: string[] = [];
  for (const s of series) {
    const id = seriesIdentifier(s.labels);
    s.timestamps.forEach((t, i) => {
      lines.push(`${id} ${formatSampleValue(s.values[i] ?? NaN)} ${t}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

import { statsOf, type SeriesSet, type Unit } from '../series';
import { formatValue } from '../series';
import { formatTime } from '../time';
import type { PanelLine } from '../panels';
import type { IntervalFacts } from './builtins';
import { BuiltinIntervals } from './BuiltinIntervals';
import { CopyAsCurl } from './CopyAsCurl';

interface SentQuery {
  readonly expr: string;
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

interface Props {
  readonly queries: readonly SentQuery[];
  readonly results: readonly (SeriesSet | undefined)[];
  readonly lines: readonly PanelLine[];
  readonly unit: Unit;
  readonly timezone: string;
  readonly panelTitle: string;
  /** What $__interval, $__rate_interval and $__range stood for in the queries sent. */
  readonly intervals?: IntervalFacts;
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, OWASP's advice against CSV injection: a series named
 * `=HYPERLINK(…)` must open as text. Series names come from label values anyone can set.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV of every line: one row per timestamp, one column per series, empty where a series has none. */
export function toCsv(lines: readonly PanelLine[]): string {
  const times = [...new Set(lines.flatMap((l) => l.series.timestamps))].sort((a, b) => a - b);
  const columns = lines.map((l) => {
    const byTime = new Map<number, number>();
    l.series.timestamps.forEach((t, i) => byTime.set(t, l.series.values[i] as number));
    return byTime;
  });
  const quote = (text: string) => `"${neutralizeFormula(text).replace(/"/g, '""')}"`;
  const header = ['time', ...lines.map((l) => quote(l.name))].join(',');
  const rows = times.map((t) => [new Date(t).toISOString(), ...columns.map((c) => (c.has(t) ? String(c.get(t)) : ''))].join(','));
  return [header, ...rows].join('\n') + '\n';
}

function formatChars(chars: number): string {
  return chars < 1024 ? `${chars} B` : chars < 1024 * 1024 ? `${(chars / 1024).toFixed(1)} KB` : `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * After an incremental refresh the last answer is only the tail of the window: said in the raw
 * answer's title, with what it was merged into, since the inspector otherwise reads as if the
 * server had sent the whole window. The raw text stays what the server sent (what Prometheus users
 * compare with a curl of theirs); the merged data is the table and the CSV.
 */
export function lastAnswerWords(set: SeriesSet, timezone: string): string | undefined {
  if (set.fetch?.kind !== 'tail') return undefined;
  const points = set.series.reduce((sum, s) => sum + s.timestamps.length, 0);
  const series = set.series.length;
  return `last answer: tail from ${formatTime(set.fetch.from, timezone, 'time-seconds')}, merged into ${points.toLocaleString('en-US')} points (${series} series)`;
}

/** The server's answer as it came (Grafana's JSON tab), bounded: the client keeps only its head. */
function RawAnswer({ set, queryNumber, timezone }: { readonly set: SeriesSet | undefined; readonly queryNumber: number; readonly timezone: string }) {
  const answer = set?.answer;
  if (!set || !answer) return null;
  const cut = answer.chars > answer.head.length;
  const tail = lastAnswerWords(set, timezone);
  return (
    <details className="inspector-raw">
      <summary>
        Raw answer of query {queryNumber} ({formatChars(answer.chars)}){tail && <>, {tail}</>}
      </summary>
      {tail && (
        <p role="note">
          This refresh asked Prometheus only for the window from {formatTime(set.fetch?.from ?? set.start, timezone, 'datetime')} on and merged it into the points
          held; the data table and Download CSV show the merged window.
        </p>
      )}
      {cut && (
        <p role="note">
          Showing the first {formatChars(answer.head.length)} of {formatChars(answer.chars)}; Download CSV has every point.
        </p>
      )}
      <pre aria-label={`Raw answer of query ${queryNumber}`}>{answer.head}</pre>
    </details>
  );
}

/** Grafana-style inspector: the requests sent, and the raw series with their counts and extremes. */
export function PanelInspector({ queries, results, lines, unit, timezone, panelTitle, intervals }: Props) {
  // The CSV is built only when asked for: a panel's data can be 11,000 points per series.
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(lines)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${panelTitle.replace(/[^\w-]+/g, '_')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="panel-inspector" role="region" aria-label={`Inspect ${panelTitle}`}>
      <h3>Queries sent</h3>
      <ul>
        {queries.map((q, i) => (
          <li key={i}>
            <code>{q.expr}</code>
            <div className="inspector-params">
              {formatTime(q.start, timezone, 'datetime')} – {formatTime(q.end, timezone, 'datetime')}, step {q.step / 1000}s, {results[i]?.series.length ?? 0} series
              {results[i]?.tookMs !== undefined && <>, took {results[i]?.tookMs} ms</>}
              {results[i]?.warnings.map((w) => <div key={w}>warning: {w}</div>)}
            </div>
            <CopyAsCurl query={q} />
            <RawAnswer set={results[i]} queryNumber={i + 1} timezone={timezone} />
          </li>
        ))}
      </ul>
      {intervals && <BuiltinIntervals facts={intervals} />}
      <h3>Data</h3>
      <button type="button" onClick={download}>
        Download CSV
      </button>
      <table className="inspector-table" aria-label="Series data">
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Labels</th>
            <th scope="col">Points</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Last</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const stats = statsOf(l.series);
            return (
              <tr key={l.key}>
                <th scope="row">{l.name}</th>
                <td>
                  <code>{Object.entries(l.series.labels).map(([k, v]) => `${k}="${v}"`).join(', ')}</code>
                </td>
                <td>{l.series.timestamps.length}</td>
                <td>{formatValue(stats.min, unit)}</td>
                <td>{formatValue(stats.max, unit)}</td>
                <td>{formatValue(stats.last, unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

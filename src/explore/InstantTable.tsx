import type { PanelProblem } from '../panels';
import type { InstantResult } from '../prometheus';
import { formatTime } from '../time';
import { instantTableContent, type InstantTableContent } from './instantValues';

interface Props {
  /** 'Query 1': names the table. */
  readonly label: string;
  /** The query as sent: whether its values are Unix timestamps. */
  readonly expr: string;
  /** Epoch ms the values were asked for. */
  readonly time: number;
  readonly timezone: string;
  /** Whether `time` is the cursor's (else the end of the range). */
  readonly atCursor: boolean;
  readonly result: InstantResult | undefined;
  readonly problem: PanelProblem | null;
  readonly fetching: boolean;
}

/** Explore's table of instant values beside a graph; an answer it cannot list says why, in its place. */
export function InstantTable({ label, expr, time, timezone, atCursor, result, problem, fetching }: Props) {
  const when = `${formatTime(time, timezone, 'datetime')}${atCursor ? ' (cursor)' : ' (end of range)'}`;
  let body;
  if (problem) {
    body = (
      <div role="alert" className={`panel-error kind-${problem.kind}`}>
        <strong>{problem.title}</strong>
        <p className="panel-error-message">{problem.message}</p>
      </div>
    );
  } else if (!result) {
    body = <p role="status">Loading values…</p>;
  } else {
    body = <Content content={instantTableContent(result, expr)} label={label} when={when} time={time} timezone={timezone} />;
  }
  return (
    <div className="explore-values" aria-busy={fetching}>
      {body}
      {result && result.warnings.length > 0 && !problem && (
        <ul className="panel-warnings" aria-label={`Warnings of ${label}`}>
          {result.warnings.map((w) => (
            <li key={w}>warning: {w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A Unix timestamp in full, and beside it the date it stands for (Grafana's unit dateTime). */
function SampleValue({ value, epochMs, timezone }: { value: string; epochMs: number | undefined; timezone: string }) {
  if (epochMs === undefined) return <>{value}</>;
  return (
    <>
      {value} <time dateTime={new Date(epochMs).toISOString()}>({formatTime(epochMs, timezone, 'datetime')})</time>
    </>
  );
}

function Content({ content, label, when, time, timezone }: { content: InstantTableContent; label: string; when: string; time: number; timezone: string }) {
  switch (content.kind) {
    case 'rows':
      return (
        <>
          <table className="explore-table" data-time={time}>
            <caption>
              {label} at {when}
            </caption>
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {content.rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <SampleValue value={row.value} epochMs={row.epochMs} timezone={timezone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {content.omitted > 0 && (
            <p className="explore-omitted">
              {content.omitted} more series are not listed: narrow the query with a label matcher, or aggregate it (sum by, topk).
            </p>
          )}
        </>
      );
    case 'empty':
      return (
        <p role="alert" className="explore-answer">
          No series answer {label} at {when}: the metric may not exist, its labels may not match, or it has no sample in the 5 minutes before.
        </p>
      );
    case 'range-vector':
      return (
        <p role="alert" className="explore-answer">
          {label} answers a range vector (a selector with [duration]), which has no single value per series: wrap it in a function such as rate() or
          max_over_time(), or remove the [duration].
        </p>
      );
    case 'scalar':
      return (
        <p role="alert" className="explore-answer">
          {label} answers a scalar, <SampleValue value={content.value} epochMs={content.epochMs} timezone={timezone} /> at {when}, not series with labels: there is no series to list.
        </p>
      );
    case 'string':
      return (
        <p role="alert" className="explore-answer">
          {label} answers a string, "{content.value}", not series: only numbers can be listed and drawn.
        </p>
      );
  }
}

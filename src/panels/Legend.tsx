import { memo, useMemo } from 'react';
import { statsOf, type Unit } from '../series';
import { formatLineValue } from './lineValues';
import { swatchStyle } from './palette';
import type { PanelLine } from './types';

interface Props {
  readonly lines: readonly PanelLine[];
  readonly unit: Unit;
  /** The view's timezone: values that are Unix timestamps read as dates in it. */
  readonly timezone: string;
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (name: string) => void;
  /** A plain click: this series alone (Grafana's habit); Ctrl/Cmd+click toggles it. Absent: a click toggles. */
  readonly onIsolate?: (name: string) => void;
}

/** Name, last and max of every series — the figures an on-call engineer reads first. */
export const Legend = memo(function Legend({ lines, unit, timezone, hidden, onToggle, onIsolate }: Props) {
  if (lines.length === 0) return null;
  return (
    <table className="legend" aria-label="Legend">
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Last</th>
          <th scope="col">Max</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LegendRow key={line.key} line={line} unit={unit} timezone={timezone} isHidden={hidden.has(line.name)} onToggle={onToggle} onIsolate={onIsolate} />
        ))}
      </tbody>
    </table>
  );
});

interface RowProps {
  readonly line: PanelLine;
  readonly unit: Unit;
  readonly timezone: string;
  readonly isHidden: boolean;
  readonly onToggle: (name: string) => void;
  readonly onIsolate?: (name: string) => void;
}

// A row re-renders, and scans its series for the figures, only when its own series, unit or
// visibility changed: a refresh that changed one query's answer leaves the other rows alone.
const LegendRow = memo(function LegendRow({ line, unit, timezone, isHidden, onToggle, onIsolate }: RowProps) {
  const stats = useMemo(() => statsOf(line.series), [line.series]);
  return (
    <tr className={isHidden ? 'hidden-series' : undefined} data-series={line.key}>
      <th scope="row">
        <button
          type="button"
          className="legend-name"
          aria-pressed={!isHidden}
          onClick={(event) => (onIsolate && !event.ctrlKey && !event.metaKey ? onIsolate(line.name) : onToggle(line.name))}
          title={onIsolate ? `Click: show only this series. Ctrl/Cmd+click: ${isHidden ? 'show' : 'hide'} it` : isHidden ? 'Show series' : 'Hide series'}
        >
          <span className="swatch" style={swatchStyle(line)} aria-hidden="true" />
          {line.name}
        </button>
      </th>
      <td data-stat="last">{formatLineValue(stats.last, unit, line.unixTime, timezone)}</td>
      <td data-stat="max">{formatLineValue(stats.max, unit, line.unixTime, timezone)}</td>
    </tr>
  );
});

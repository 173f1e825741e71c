import { formatValue, seriesStats, type Unit } from '../series';
import { swatchStyle } from './palette';
import type { PanelLine } from './types';

interface Props {
  readonly lines: readonly PanelLine[];
  readonly unit: Unit;
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (name: string) => void;
  /** A plain click: this series alone (Grafana's habit); Ctrl/Cmd+click toggles it. Absent: a click toggles. */
  readonly onIsolate?: (name: string) => void;
}

/** Name, last and max of every series — the figures an on-call engineer reads first. */
export function Legend({ lines, unit, hidden, onToggle, onIsolate }: Props) {
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
        {lines.map((line) => {
          const stats = seriesStats(line.series.values);
          const isHidden = hidden.has(line.name);
          return (
            <tr key={line.key} className={isHidden ? 'hidden-series' : undefined} data-series={line.key}>
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
              <td data-stat="last">{formatValue(stats.last, unit)}</td>
              <td data-stat="max">{formatValue(stats.max, unit)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

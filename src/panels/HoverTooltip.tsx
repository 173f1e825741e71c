import { formatTime } from '../time';
import { nearestIndex, type Unit } from '../series';
import { formatLineValue } from './lineValues';
import { swatchStyle } from './palette';
import type { PanelLine } from './types';

interface Props {
  readonly time: number;
  readonly x: number;
  readonly chartWidth: number;
  readonly step: number;
  readonly lines: readonly PanelLine[];
  readonly unit: Unit;
  readonly timezone: string;
}

/** Every series at the hovered time, highest first; found by binary search, not per-point objects. */
export function HoverTooltip({ time, x, chartWidth, step, lines, unit, timezone }: Props) {
  const rows = [];
  for (const line of lines) {
    const i = nearestIndex(line.series.timestamps, time);
    if (i < 0) continue;
    const t = line.series.timestamps[i] as number;
    // A sample further than one step away is not "at" this time: the series has a gap here.
    if (Math.abs(t - time) > step) continue;
    rows.push({ key: line.key, name: line.name, color: line.color, aggregate: line.aggregate, earlier: line.earlier, unixTime: line.unixTime, value: line.series.values[i] as number });
  }
  rows.sort((a, b) => (Number.isNaN(b.value) ? -Infinity : b.value) - (Number.isNaN(a.value) ? -Infinity : a.value));
  const left = x > chartWidth / 2 ? undefined : x + 12;
  const right = x > chartWidth / 2 ? chartWidth - x + 12 : undefined;
  // willChange: its own compositing layer, so its moves repaint it and not the chart under it.
  return (
    <div className="hover-tooltip" role="tooltip" style={{ left, right, willChange: 'transform' }}>
      <div className="hover-time">{formatTime(time, timezone, 'datetime')}</div>
      {rows.length === 0 ? (
        <div>No data at this time</div>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.key}>
              <span className="swatch" style={swatchStyle(row)} aria-hidden="true" />
              <span className="name">{row.name}</span>
              <span className="value">{formatLineValue(row.value, unit, row.unixTime, timezone)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

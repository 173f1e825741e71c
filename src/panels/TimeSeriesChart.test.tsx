import { act, render } from '@testing-library/react';
import { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
import { createCrosshairStore } from './crosshair';
import type { PanelLine } from './types';

const STEP = 15_000;
const T0 = Date.UTC(2026, 0, 1);
const noop = () => {};

/** Two lines of `points` samples from sample `from` on: a refresh of a moving range shifts `from` by one. */
function props(from: number, points = 120): TimeSeriesChartProps {
  const timestamps = Array.from({ length: points }, (_, i) => T0 + (from + i) * STEP);
  const lines: PanelLine[] = ['web-1', 'web-2'].map((instance, s) => ({
    key: `0:${instance}`,
    name: instance,
    color: s === 0 ? '#73bf69' : '#f2cc0c',
    aggregate: false,
    series: { labels: { instance }, timestamps, values: timestamps.map((t) => 1e9 + (s + 1) * 1e8 * Math.sin(t / 6e5)) },
  }));
  return {
    width: 800,
    height: 260,
    start: timestamps[0] as number,
    end: timestamps[points - 1] as number,
    step: STEP,
    unit: 'bytes',
    timezone: 'UTC',
    lines,
    thresholds: [],
    windows: [],
    markers: [],
    selectedMarkerKey: undefined,
    dimmed: false,
    crosshair: createCrosshairStore(),
    tooltipSuppressed: false,
    onHover: noop,
    onPin: noop,
    onFocusMarker: noop,
    onSelectMarker: noop,
    describeMarker: () => '',
    openClusterKey: undefined,
    onOpenCluster: noop,
  };
}

it('a refresh that shifts the range draws every line once, already on the new time axis', async () => {
  const first = props(0);
  const { container, rerender } = render(<TimeSeriesChart {...first} />);
  const paths = () => [...container.querySelectorAll('[data-testid="series-lines"] path')];
  expect(paths()).toHaveLength(2);

  const writes: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) if (r.attributeName === 'd') writes.push((r.target as Element).getAttribute('data-series') ?? '');
  });
  for (const path of paths()) observer.observe(path, { attributes: true, attributeFilter: ['d'] });
  const shifted = { ...props(1), crosshair: first.crosshair };
  rerender(<TimeSeriesChart {...shifted} />);
  // Let Recharts' store catch up with the new axis props (effects, then a re-render).
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  observer.takeRecords();
  observer.disconnect();

  expect(writes.sort()).toEqual(['0:web-1', '0:web-2']);
  // And where a chart opened on the shifted range draws them.
  const fresh = render(<TimeSeriesChart {...props(1)} />);
  const expected = [...fresh.container.querySelectorAll('[data-testid="series-lines"] path')].map((p) => p.getAttribute('d'));
  expect(paths().map((p) => p.getAttribute('d'))).toEqual(expected);
});

it('labels every y tick of a line of Unix timestamps (time()) differently, not all "1.71B"', async () => {
  const base = props(0);
  const line = base.lines[0] as PanelLine;
  const timestamps = line.series.timestamps;
  const epoch: PanelLine = { ...line, series: { ...line.series, values: timestamps.map((t) => Math.floor(t / 1000)) } };
  const { container } = render(<TimeSeriesChart {...base} unit="short" lines={[epoch]} />);
  // The axes are drawn once Recharts' store has the plot area (effects, then a re-render).
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const labels = [...container.querySelectorAll('.y-axis text')].map((t) => t.textContent);
  expect(labels.length).toBeGreaterThan(2);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels).toContain(String(Math.ceil(((timestamps[0] as number) / 1000 + 1) / 500) * 500));
});

it('labels the time axis and the value axis in its unit, each label on a grid line', async () => {
  const { container } = render(<TimeSeriesChart {...props(0)} />);
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const attr = (el: Element, name: string) => Number(el.getAttribute(name));
  const grid = [...container.querySelectorAll('line.grid')];
  const vertical = new Set(grid.filter((l) => attr(l, 'x1') === attr(l, 'x2')).map((l) => attr(l, 'x1')));
  const horizontal = new Set(grid.filter((l) => attr(l, 'y1') === attr(l, 'y2')).map((l) => attr(l, 'y1')));

  const times = [...container.querySelectorAll('.x-axis text')];
  expect(times.map((t) => t.textContent)).toEqual(['00:00', '00:05', '00:10', '00:15', '00:20', '00:25']);
  for (const t of times) expect(vertical).toContain(attr(t, 'x'));
  const values = [...container.querySelectorAll('.y-axis text')];
  expect(values.length).toBeGreaterThan(2);
  for (const v of values) {
    expect(v.textContent).toMatch(/^[\d.]+ (B|KiB|MiB|GiB)$/);
    expect(horizontal).toContain(attr(v, 'y'));
  }
});

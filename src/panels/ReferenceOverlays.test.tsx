import { act, render } from '@testing-library/react';
import { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
import { createCrosshairStore } from './crosshair';
import type { PanelLine } from './types';
import type { IncidentWindow } from '../annotations';

const STEP = 15_000;
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const GIB = 2 ** 30;
const noop = () => {};

function chart(windows: IncidentWindow[], thresholds: TimeSeriesChartProps['thresholds']): TimeSeriesChartProps {
  const timestamps = Array.from({ length: 121 }, (_, i) => T0 + i * STEP);
  const lines: PanelLine[] = [
    { key: '0:web-1', name: 'web-1', color: '#73bf69', aggregate: false, series: { labels: { instance: 'web-1' }, timestamps, values: timestamps.map((_, i) => 0.2 * GIB + (i / 120) * GIB) } },
  ];
  return {
    width: 800, height: 260, start: T0, end: T0 + 30 * MIN, step: STEP, unit: 'bytes', timezone: 'UTC', lines, thresholds, windows,
    markers: [], selectedMarkerKey: undefined, dimmed: false, crosshair: createCrosshairStore(), tooltipSuppressed: false,
    onHover: noop, onPin: noop, onFocusMarker: noop, onSelectMarker: noop, describeMarker: () => '', openClusterKey: undefined, onOpenCluster: noop,
  };
}

async function drawn(props: TimeSeriesChartProps) {
  const { container } = render(<TimeSeriesChart {...props} />);
  // Drawn once Recharts' store has the plot area (effects, then a re-render).
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const xTick = (label: string) => Number([...container.querySelectorAll('.x-axis text')].find((t) => t.textContent === label)?.getAttribute('x'));
  const yTick = (label: string) => Number([...container.querySelectorAll('.y-axis text')].find((t) => t.textContent === label)?.getAttribute('y'));
  return { container, xTick, yTick };
}

it('shades an incident window between its times on the time axis, cut to the range shown, in its colour', async () => {
  const closed: IncidentWindow = { key: 'a', title: 'Deploy gone wrong', start: T0 + 10 * MIN, end: T0 + 20 * MIN, color: '#3274d9' };
  const before: IncidentWindow = { key: 'b', title: 'Older', start: T0 - 20 * MIN, end: T0 + 10 * MIN };
  const gone: IncidentWindow = { key: 'c', title: 'Long past', start: T0 - 60 * MIN, end: T0 - 30 * MIN };
  const { container, xTick } = await drawn(chart([closed, before, gone], []));
  const shades = [...container.querySelectorAll('rect.incident-window')];
  expect(shades.map((s) => s.getAttribute('fill'))).toEqual(['#3274d9', '#ff4d4f']);
  const [first, second] = shades.map((s) => ({ x: Number(s.getAttribute('x')), width: Number(s.getAttribute('width')) }));
  expect(first?.x).toBeCloseTo(xTick('00:10'), 6);
  expect((first?.x ?? 0) + (first?.width ?? 0)).toBeCloseTo(xTick('00:20'), 6);
  expect(second?.x).toBeCloseTo(xTick('00:00'), 6);
  expect((second?.x ?? 0) + (second?.width ?? 0)).toBeCloseTo(xTick('00:10'), 6);
  // A closed window says nothing on the chart: its events do.
  expect(container.querySelector('.reference-label')).toBeNull();
});

it('labels an open window with how long it has been open, shaded to the last refresh', async () => {
  const open: IncidentWindow = { key: 'o', title: 'Checkout is down', start: T0 + 10 * MIN, openUntil: T0 + 20 * MIN };
  const { container, xTick } = await drawn(chart([open], []));
  const shade = container.querySelector('rect.incident-window.open');
  expect(Number(shade?.getAttribute('x')) + Number(shade?.getAttribute('width'))).toBeCloseTo(xTick('00:20'), 6);
  expect(container.querySelector('svg')).toHaveTextContent('Checkout is down: open for 10m');
});

it('draws a threshold as a dashed line at its value on the value axis, named by its label', async () => {
  const { container, yTick } = await drawn(chart([], [{ value: GIB, label: 'Memory alert' }]));
  const line = container.querySelector('line.threshold');
  expect(line?.getAttribute('stroke-dasharray')).toBe('6 4');
  expect(Number(line?.getAttribute('y1'))).toBeCloseTo(yTick('1.00 GiB'), 6);
  expect(container.querySelector('svg')).toHaveTextContent('Memory alert');
});

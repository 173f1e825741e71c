import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement, type ComponentType } from 'react';
import { afterAll, vi } from 'vitest';
import { TimeSeriesPanel } from './TimeSeriesPanel';
import type { PanelLine } from './types';

// Render counters around the real SeriesPaths and Legend: each passes its props straight to the
// real component, so the panel draws exactly as it does in the app.
const renders = vi.hoisted(() => ({ seriesPaths: 0, legend: 0 }));
function counted<P extends object>(Real: ComponentType<P>, count: () => void): ComponentType<P> {
  return function Counted(props: P) {
    count();
    return createElement(Real, props);
  };
}
vi.mock('./SeriesPaths', async (importOriginal) => {
  const real = await importOriginal<typeof import('./SeriesPaths')>();
  return { ...real, SeriesPaths: counted(real.SeriesPaths, () => (renders.seriesPaths += 1)) };
});
vi.mock('./Legend', async (importOriginal) => {
  const real = await importOriginal<typeof import('./Legend')>();
  return { ...real, Legend: counted(real.Legend, () => (renders.legend += 1)) };
});
afterAll(() => {
  vi.doUnmock('./SeriesPaths');
  vi.doUnmock('./Legend');
});

const STEP = 15_000;
const T0 = Date.UTC(2026, 0, 1);
const POINTS = 120;
const SERIES = 20;
const noop = () => {};
const NONE: never[] = [];
const NO_HIDDEN = new Set<string>();
const STATUS = { hasData: true, fetching: false, problems: [], warnings: [], dataUpdatedAt: 0 };

const timestamps = Array.from({ length: POINTS }, (_, i) => T0 + i * STEP);
const lines: PanelLine[] = Array.from({ length: SERIES }, (_, s) => ({
  key: `0:host-${s}`,
  name: `host-${s}`,
  color: '#73bf69',
  aggregate: false,
  series: { labels: { instance: `host-${s}` }, timestamps, values: timestamps.map((t) => s * 1e6 + 1e5 * Math.sin(t / 6e5 + s)) },
}));

it('a hover over 20 series shows their values without re-rendering the lines or the legend', async () => {
  const user = userEvent.setup();
  render(
    <TimeSeriesPanel
      id="memory"
      title="Memory"
      unit="bytes"
      width={900}
      height={260}
      start={T0}
      end={T0 + (POINTS - 1) * STEP}
      step={STEP}
      timezone="UTC"
      lines={lines}
      status={STATUS}
      thresholds={NONE}
      windows={NONE}
      markers={NONE}
      selectedMarkerKey={undefined}
      onSelectMarker={noop}
      onRetry={noop}
      hidden={NO_HIDDEN}
      onToggleSeries={noop}
    />,
  );
  const region = screen.getByRole('region', { name: 'Memory' });
  expect(region.querySelectorAll('[data-testid="series-lines"] path')).toHaveLength(SERIES);
  const plot = region.querySelector<SVGRectElement>('.hover-layer > rect.hover-target');
  if (!plot) throw new Error('no plot in the panel');
  const left = Number(plot.getAttribute('x'));
  const width = Number(plot.getAttribute('width'));
  const before = { ...renders };

  for (const fraction of [0.3, 0.6]) {
    await user.pointer({ target: plot, coords: { clientX: left + fraction * width, clientY: 50 } });
    expect(within(region).getByRole('tooltip').querySelectorAll('li')).toHaveLength(SERIES);
  }
  expect(within(region).getByRole('img', { name: /^Cursor at/ })).toBeInTheDocument();
  expect(renders).toEqual(before);
}, 20_000);

import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memo, useState } from 'react';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { usePanelQueries } from '../../src/dashboard';
import { TimeSeriesChart, type TimeSeriesChartProps } from '../../src/panels/TimeSeriesChart';
import { createCrosshairStore } from '../../src/panels/crosshair';
import type { PanelLine } from '../../src/panels/types';
import { promKeys } from '../../src/prometheus';
import { renderWithProviders, TEST_PROMETHEUS_URL } from '../renderWithProviders';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const START = Date.UTC(2026, 0, 1);
const END = START + 30 * 60_000;
const noop = () => {};

/** Three series over the half hour, one with a gap (NaN), as Prometheus writes them. */
function matrix(lastValue: string) {
  const values = (offset: number) => Array.from({ length: 61 }, (_, i) => [START / 1000 + i * 30, i === 60 ? lastValue : String(offset + (i % 7))]);
  return {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        { metric: { instance: 'web-1' }, values: values(100) },
        { metric: { instance: 'web-2' }, values: values(200).map(([t, v], i) => [t, i === 10 ? 'NaN' : v]) },
        { metric: { instance: 'web-3' }, values: values(300) },
      ],
    },
  };
}

const crosshair = createCrosshairStore();
function chartProps(lines: readonly PanelLine[]): TimeSeriesChartProps {
  return {
    width: 800, height: 260, start: START, end: END, step: 30_000, unit: 'short', timezone: 'UTC', lines,
    thresholds: [], windows: [], markers: [], selectedMarkerKey: undefined, dimmed: false, crosshair,
    tooltipSuppressed: false, onHover: noop, onPin: noop, onFocusMarker: noop, onSelectMarker: noop,
    describeMarker: () => '', openClusterKey: undefined, onOpenCluster: noop,
  };
}

/** Counts the chart's draws: it draws again only when the lines the panel hands it change. */
let chartDraws = 0;
const CountedChart = memo(function CountedChart({ lines }: { readonly lines: readonly PanelLine[] }) {
  chartDraws++;
  return <TimeSeriesChart {...chartProps(lines)} />;
});

const specQueries = [{ expr: 'http_requests_in_flight' }];
function Panel() {
  const [variables] = useState({});
  const { lines } = usePanelQueries({ specQueries, overrides: undefined, variables, start: START, end: END, plotWidthPx: 800, maxSeries: undefined });
  return (
    <section aria-label="Requests">
      <CountedChart lines={lines} />
    </section>
  );
}

it('a refresh that brings the same data redraws no chart path; one that brings new data does', async () => {
  let lastValue = '1';
  let requests = 0;
  server.use(
    http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, () => {
      requests++;
      return HttpResponse.json(matrix(lastValue));
    }),
  );
  chartDraws = 0;
  const { queryClient } = renderWithProviders(<Panel />);
  const region = screen.getByRole('region', { name: 'Requests' });
  const paths = () => [...region.querySelectorAll('[data-testid="series-lines"] path')];
  await waitFor(() => expect(paths()).toHaveLength(3));
  const drawsBefore = chartDraws;
  const before = paths().map((p) => p.getAttribute('d'));

  // The Refresh button of an absolute range asks the same keys again (refreshPanels).
  await act(() => queryClient.refetchQueries({ queryKey: promKeys.root }));
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(requests).toBe(2);
  expect(chartDraws).toBe(drawsBefore);
  expect(paths().map((p) => p.getAttribute('d'))).toEqual(before);

  lastValue = '900';
  await act(() => queryClient.refetchQueries({ queryKey: promKeys.root }));
  await waitFor(() => expect(chartDraws).toBeGreaterThan(drawsBefore));
  expect(requests).toBe(3);
  expect(paths().map((p) => p.getAttribute('d'))).not.toEqual(before);
});

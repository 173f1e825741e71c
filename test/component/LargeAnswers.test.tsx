import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { demoBootData } from '../bootFixture';
import { answerRangeQuery, COLD_START_TIMEOUT_MS, drawnLines, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FROM = Date.UTC(2024, 0, 15, 10);
const TO = Date.UTC(2024, 0, 15, 12);

/** A memory answer of `count` series; series n peaks at n, so the highest are the last ones. */
function manySeries(count: number) {
  const result = Array.from({ length: count }, (_, n) => ({
    metric: { __name__: MEMORY_METRIC, instance: `web-${n}` },
    values: [
      [FROM / 1000, '0'],
      [FROM / 1000 + 60, String(n)],
    ],
  }));
  return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result } });
}

// Issue 14, row 5: 100,000 series made 2.8 million DOM nodes; a panel now draws a budget of them.
describe('a panel with more series than it draws', () => {
  it('draws the 20 with the highest maximum and says how many it left out and how to see them', async () => {
    server.use(answerRangeQuery(MEMORY_METRIC, () => manySeries(500)));
    openApp(`?v=1&from=${FROM}&to=${TO}`);
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(20));
    expect(within(memory).getByText(/^Showing the/)).toHaveTextContent(
      "Showing the 20 series with the highest maximum; 480 more left out. To see them, narrow the query (a label filter, or topk) or raise this panel's maxSeries in the dashboard file.",
    );
    expect(within(memory).getByRole('button', { name: /web-499/ })).toBeInTheDocument();
    expect(within(memory).queryByRole('button', { name: /web-479\b/ })).toBeNull();
  }, COLD_START_TIMEOUT_MS);

  it('takes its budget from the dashboard (maxSeries)', async () => {
    server.use(answerRangeQuery(MEMORY_METRIC, () => manySeries(30)));
    const boot = demoBootData();
    const [dashboard] = boot.dashboards;
    if (!dashboard) throw new Error('the demo has a dashboard');
    const panels = dashboard.panels.map((p) => (p.id === 'memory' ? { ...p, maxSeries: 5 } : p));
    openApp(`?v=1&from=${FROM}&to=${TO}`, { ...boot, dashboards: [{ ...dashboard, panels }] });
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(5));
    expect(within(memory).getByText(/^Showing the/)).toHaveTextContent('Showing the 5 series with the highest maximum; 25 more left out.');
    expect(screen.getAllByRole('region', { name: 'Memory' })).toHaveLength(1);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { formatValue } from '../../src/series';
import { answerRangeQuery, CACHE_METRIC, COLD_START_TIMEOUT_MS, drawnLines, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const START = Date.UTC(2024, 0, 15, 10, 0);
const END = Date.UTC(2024, 0, 15, 12, 0);
const MINUTE = 60_000;
// Cache size at minute i of the window: a value of its own for every minute, so the shown value
// tells which sample the panel picked.
const cacheAt = (i: number) => (i + 1) * 1024 * 1024;

function matrix(metric: string, valueAt: (i: number) => number): Response {
  const values = Array.from({ length: 121 }, (_, i) => [(START + i * MINUTE) / 1000, String(valueAt(i))]);
  return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: metric, instance: 'web-1', job: 'webapp' }, values }] } });
}

/** Moves a mouse over a panel's plot, `fraction` of the way across it. */
async function hover(user: ReturnType<typeof userEvent.setup>, region: HTMLElement, fraction: number) {
  const plot = region.querySelector<SVGRectElement>('.hover-layer > rect.hover-target');
  if (!plot) throw new Error('no plot in the panel');
  const left = Number(plot.getAttribute('x'));
  const width = Number(plot.getAttribute('width'));
  await user.pointer({ target: plot, coords: { clientX: left + fraction * width, clientY: 50 } });
}

describe('one cursor across the dashboard', () => {
  it('hovering one panel shows the line and each panel\'s own values at that time on every panel', async () => {
    const user = userEvent.setup();
    server.use(
      answerRangeQuery(MEMORY_METRIC, () => matrix(MEMORY_METRIC, () => 5e8)),
      answerRangeQuery(CACHE_METRIC, () => matrix(CACHE_METRIC, cacheAt)),
    );
    openApp(`?v=1&from=${START}&to=${END}`);
    const memory = panel('Memory');
    const cache = panel('Cache size');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(1));
    await waitFor(() => expect(drawnLines(cache)).toHaveLength(1));
    expect(within(cache).queryByRole('img', { name: /^Cursor at/ })).toBeNull();

    await hover(user, memory, 0.5);
    const time = within(memory).getByRole('img', { name: /^Cursor at/ }).getAttribute('aria-label')?.replace('Cursor at ', '') ?? '';
    // Every other panel marks the same time…
    for (const title of ['Cache size', 'Error rate']) {
      expect(within(panel(title)).getByRole('img', { name: `Cursor at ${time}` })).toBeInTheDocument();
    }
    // …and reads its own series there.
    const cacheTip = within(cache).getByRole('tooltip');
    expect(cacheTip).toHaveTextContent(time);
    const minute = Math.round((Date.parse(`${time.replace(' ', 'T')}Z`) - START) / MINUTE);
    expect(minute).toBeGreaterThan(40);
    expect(minute).toBeLessThan(80);
    expect(within(cacheTip).getByText('web-1').nextElementSibling).toHaveTextContent(formatValue(cacheAt(minute), 'bytes'));
    expect(within(memory).getByRole('tooltip')).toHaveTextContent(formatValue(5e8, 'bytes'));

    // Moving on moves every panel's cursor; leaving the chart clears them all.
    await hover(user, cache, 0.1);
    const later = within(cache).getByRole('img', { name: /^Cursor at/ }).getAttribute('aria-label');
    expect(later).not.toBe(`Cursor at ${time}`);
    expect(within(memory).getByRole('img', { name: later ?? '' })).toBeInTheDocument();
    await user.pointer({ target: screen.getByRole('heading', { name: 'Memory' }) });
    await waitFor(() => expect(screen.queryAllByRole('img', { name: /^Cursor at/ })).toHaveLength(0));
    expect(screen.queryAllByRole('tooltip')).toHaveLength(0);
  }, 2 * COLD_START_TIMEOUT_MS);
});

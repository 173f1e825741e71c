import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { answerRangeQuery, CACHE_METRIC, COLD_START_TIMEOUT_MS, drawnLines, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A Prometheus matrix with one series per instance, inside the default dashboard's window. */
function matrixOf(metric: string, instances: readonly string[]): Response {
  const start = Date.UTC(2024, 0, 15, 10, 0) / 1000;
  const values = Array.from({ length: 20 }, (_, i) => [start + i * 60, String(1e8 + i * 1e6)]);
  const result = instances.map((instance) => ({ metric: { __name__: metric, instance, job: 'webapp' }, values }));
  return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result } });
}

/** The colour a user sees for `name` in a panel: its legend sample and its drawn line, which must agree. */
function colourOf(region: HTMLElement, name: string): string {
  const entry = within(region).getByRole('button', { name });
  const swatch = entry.querySelector<HTMLElement>('.swatch');
  const row = entry.closest('tr');
  const path = region.querySelector(`[data-testid="series-lines"] path[data-series="${CSS.escape(row?.getAttribute('data-series') ?? '')}"]`);
  expect(swatch?.style.background).toBeTruthy();
  expect(path?.getAttribute('stroke')).toBeTruthy();
  return `${swatch?.style.background} / ${path?.getAttribute('stroke')}`;
}

describe('series colours follow the series, not their position', () => {
  it('keeps the other instances their colours when one disappears from a panel', async () => {
    const user = userEvent.setup();
    let instances = ['web-1', 'web-2', 'web-3'];
    server.use(answerRangeQuery(MEMORY_METRIC, () => matrixOf(MEMORY_METRIC, instances)));
    openApp();
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    const before = { 'web-2': colourOf(memory, 'web-2'), 'web-3': colourOf(memory, 'web-3') };

    instances = ['web-2', 'web-3'];
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(2));
    expect({ 'web-2': colourOf(memory, 'web-2'), 'web-3': colourOf(memory, 'web-3') }).toEqual(before);
    // A cold chart and a refresh, on a busy two-core machine: headroom, not the expected time.
  }, 2 * COLD_START_TIMEOUT_MS);

  it('gives an instance the same colour in every panel, whatever else each panel shows', async () => {
    server.use(answerRangeQuery(CACHE_METRIC, () => matrixOf(CACHE_METRIC, ['web-3'])));
    openApp();
    const memory = panel('Memory');
    const cache = panel('Cache size');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await waitFor(() => expect(drawnLines(cache)).toHaveLength(1));
    expect(colourOf(cache, 'web-3')).toBe(colourOf(memory, 'web-3'));
  });

  it('draws the all-instances error rate dashed, thicker and neutral, apart from the instances', async () => {
    openApp();
    const errors = panel('Error rate');
    await waitFor(() => expect(drawnLines(errors)).toHaveLength(4));
    const dashed = drawnLines(errors).filter((path) => path.getAttribute('stroke-dasharray'));
    const perInstance = drawnLines(errors).filter((path) => !path.getAttribute('stroke-dasharray'));
    expect(dashed).toHaveLength(1);
    const total = dashed[0];
    expect(Number(total?.getAttribute('stroke-width'))).toBeGreaterThan(Number(perInstance[0]?.getAttribute('stroke-width')));
    const instanceColours = new Set(perInstance.map((path) => path.getAttribute('stroke')));
    expect(instanceColours.size).toBe(3);
    expect(instanceColours.has(total?.getAttribute('stroke') ?? null)).toBe(false);
  });
});

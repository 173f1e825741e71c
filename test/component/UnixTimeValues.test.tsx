import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { formatQuery } from '../../src/url/queryComponent';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const MEMORY = 'process_resident_memory_bytes{job="webapp"}';
const STARTED = 'process_start_time_seconds{job="webapp"}';
// When the process started, in Unix seconds: 2024-01-15 06:26:40 UTC, 11:56:40 in Kolkata (UTC+5:30).
const STARTED_AT_S = 1705300000;
const STARTED_IN_KOLKATA = '2024-01-15 11:56:40';
// A date and time as the view shows them.
const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** process_start_time_seconds as Prometheus answers it over the asked range: one constant series. */
function answerStartTime() {
  return http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
    const form = new URLSearchParams(await request.clone().text());
    if (form.get('query') !== STARTED) return undefined;
    const [start, end, step] = ['start', 'end', 'step'].map((name) => Number(form.get(name)));
    const values: [number, string][] = [];
    for (let t = start as number; t <= (end as number); t += step as number) values.push([t, String(STARTED_AT_S)]);
    return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'process_start_time_seconds', job: 'webapp', instance: 'web-1' }, values }] } });
  });
}

function legendCells(graph: HTMLElement, stat: 'last' | 'max'): string[] {
  const legend = within(graph).getByRole('table', { name: 'Legend' });
  return [...legend.querySelectorAll(`td[data-stat="${stat}"]`)].map((cell) => cell.textContent ?? '');
}

function yTickLabels(graph: HTMLElement): string[] {
  return [...graph.querySelectorAll('.y-axis .axis-tick-labels text')].map((t) => t.textContent ?? '');
}

it('a panel of Unix timestamps (process_start_time_seconds) reads them as dates in the view timezone on its axis, legend and tooltip; byte counts stay numbers', async () => {
  const user = userEvent.setup();
  server.use(answerStartTime());
  // Kolkata is UTC+5:30: a date read in UTC (or the machine's zone) would be off by that.
  openApp(`?${formatQuery([['v', '1'], ['tz', 'Asia/Kolkata'], ['explore', null], ['q', STARTED], ['q', MEMORY]])}`);
  const clock = within(await screen.findByRole('group', { name: 'Query 1' }, { timeout: COLD_START_TIMEOUT_MS })).getByRole('region', { name: 'Query 1' });
  const memory = within(screen.getByRole('group', { name: 'Query 2' })).getByRole('region', { name: 'Query 2' });
  await waitFor(() => expect(drawnLines(clock)).toHaveLength(1), { timeout: COLD_START_TIMEOUT_MS });
  await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));

  expect(legendCells(clock, 'last')).toEqual([STARTED_IN_KOLKATA]);
  expect(legendCells(clock, 'max')).toEqual([STARTED_IN_KOLKATA]);
  await waitFor(() => expect(yTickLabels(clock).length).toBeGreaterThan(1));
  for (const label of yTickLabels(clock)) expect(label).toMatch(DATETIME);

  // Resident memory is a number whatever its size: its name does not speak of time.
  for (const cell of legendCells(memory, 'last')) expect(cell).toMatch(/^[\d.]+[KMB]?$/);

  const plot = clock.querySelector<SVGRectElement>('.hover-layer > rect.hover-target');
  if (!plot) throw new Error('no plot in the graph');
  await user.pointer({ target: plot, coords: { clientX: Number(plot.getAttribute('x')) + Number(plot.getAttribute('width')) / 2, clientY: 50 } });
  const tooltip = await within(clock).findByRole('tooltip');
  const [hovered] = [...tooltip.querySelectorAll('.value')].map((v) => v.textContent);
  expect(hovered).toBe(STARTED_IN_KOLKATA);
}, 2 * COLD_START_TIMEOUT_MS);

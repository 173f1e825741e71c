import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { COLD_START_TIMEOUT_MS, drawnLines, EMPTY_MATRIX, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const START = Date.UTC(2024, 0, 15, 10, 0);
const END = Date.UTC(2024, 0, 15, 12, 0);

it('"Compare to" says so in the panel when the earlier period has no data, instead of drawing nothing silently', async () => {
  // The earlier period (a day before the range) answers no series; the range itself is the demo's.
  server.use(
    http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
      const form = new URLSearchParams(await request.clone().text());
      return Number(form.get('end')) * 1000 < START ? HttpResponse.json(EMPTY_MATRIX) : undefined;
    }),
  );
  openApp(`?v=1&from=${START}&to=${END}&compare=1d`);
  const memory = panel('Memory');
  await waitFor(() => expect(drawnLines(memory)).toHaveLength(3), { timeout: COLD_START_TIMEOUT_MS });
  await waitFor(() => expect(within(memory).getAllByRole('status').map((s) => s.textContent)).toContain('No data 1 day earlier'));
  expect(screen.queryByText(/\(1 day earlier\)/)).toBeNull();
}, 2 * COLD_START_TIMEOUT_MS);

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { answerRangeQuery, COLD_START_TIMEOUT_MS, drawnLines, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const START = Date.UTC(2024, 0, 15, 10, 0);

function memoryAnswer(instances: number, points: number) {
  const values = Array.from({ length: points }, (_, i) => [START / 1000 + i * 15, String(5e8 + i)]);
  const result = Array.from({ length: instances }, (_, n) => ({ metric: { __name__: MEMORY_METRIC, instance: `web-${n + 1}`, job: 'webapp' }, values }));
  return { status: 'success', data: { resultType: 'matrix', result } };
}

async function inspectMemory(user: ReturnType<typeof userEvent.setup>) {
  const memory = panel('Memory');
  await waitFor(() => expect(drawnLines(memory).length).toBeGreaterThan(0));
  await user.click(within(memory).getByRole('button', { name: 'Inspect' }));
  return within(memory).findByRole('region', { name: 'Inspect Memory' });
}

describe('Inspect: how long each query took, and what the server answered', () => {
  it('shows the wall time of the query and its raw answer, as the server sent it', async () => {
    const user = userEvent.setup();
    const answer = memoryAnswer(2, 20);
    server.use(answerRangeQuery(MEMORY_METRIC, () => HttpResponse.json(answer)));
    openApp(`?v=1&from=${START}&to=${START + 3_600_000}`);
    const inspector = await inspectMemory(user);
    expect(inspector).toHaveTextContent(/2 series, took \d+ ms/);

    await user.click(within(inspector).getByText('Raw answer of query 1', { exact: false }));
    const raw = within(inspector).getByLabelText('Raw answer of query 1');
    expect(JSON.parse(raw.textContent ?? '')).toEqual(answer);
    expect(within(inspector).queryByRole('note')).toBeNull();
  }, 2 * COLD_START_TIMEOUT_MS);

  it('keeps only the head of a large answer, and says how much of it is shown', async () => {
    const user = userEvent.setup();
    const answer = memoryAnswer(20, 240);
    const size = JSON.stringify(answer).length;
    expect(size).toBeGreaterThan(100 * 1024);
    server.use(answerRangeQuery(MEMORY_METRIC, () => HttpResponse.json(answer)));
    openApp(`?v=1&from=${START}&to=${START + 3_600_000}`);
    const inspector = await inspectMemory(user);
    await user.click(within(inspector).getByText('Raw answer of query 1', { exact: false }));
    expect(within(inspector).getByRole('note')).toHaveTextContent(`Showing the first 64.0 KB of ${(size / 1024).toFixed(1)} KB`);
    const raw = within(inspector).getByLabelText('Raw answer of query 1').textContent ?? '';
    expect(raw).toHaveLength(64 * 1024);
    expect(JSON.stringify(answer).startsWith(raw)).toBe(true);
    expect(screen.getAllByRole('region', { name: 'Memory' })).toHaveLength(1);
  }, 2 * COLD_START_TIMEOUT_MS);
});

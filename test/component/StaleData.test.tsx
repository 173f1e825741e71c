import { HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { answerRangeQuery, COLD_START_TIMEOUT_MS, drawnLines, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function badGateway(): Response {
  return new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
}

describe('a panel whose refresh fails after it had data', () => {
  it('keeps its lines, marks them stale, and clears the mark when Retry succeeds', async () => {
    const user = userEvent.setup();
    let down = false;
    server.use(answerRangeQuery(MEMORY_METRIC, () => (down ? badGateway() : undefined)));
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    const before = drawnLines(memory).map((p) => p.getAttribute('d'));
    expect(memory).toHaveAttribute('data-stale', 'false');

    down = true;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const alert = await within(memory).findByRole('alert');
    expect(alert).toHaveTextContent(/^Stale — showing data from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\. Server unavailable/);
    expect(alert).toHaveTextContent('HTTP 502 Bad Gateway');
    expect(memory).toHaveAttribute('data-stale', 'true');
    // The same lines as before the failure, not a blank chart.
    expect(drawnLines(memory).map((p) => p.getAttribute('d'))).toEqual(before);
    // Only the failing panel is stale.
    expect(panel('Cache size')).toHaveAttribute('data-stale', 'false');
    expect(within(panel('Cache size')).queryByRole('alert')).toBeNull();

    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(memory).queryByRole('alert')).toBeNull());
    expect(memory).toHaveAttribute('data-stale', 'false');
    expect(drawnLines(memory)).toHaveLength(3);
  }, COLD_START_TIMEOUT_MS);
});

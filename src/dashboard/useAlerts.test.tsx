import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { createPromClient } from '../prometheus';
import { PromClientProvider } from './promClientContext';
import { TimeRangeProvider, useTimeRange } from './TimeRangeProvider';
import { FIRING_ALERTS_EXPR, useAlertBands } from './useAlerts';

const BASE = 'http://localhost/alerts-prometheus';
const S = 1_000;
const noon = Date.UTC(2026, 0, 5, 12);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

function Bands() {
  const bands = useAlertBands();
  const { resolveNow } = useTimeRange();
  return (
    <>
      <button type="button" onClick={resolveNow}>
        Refresh
      </button>
      <p>{bands.length} bands</p>
    </>
  );
}

describe('useAlertBands on a moving range', () => {
  it('asks only the new tail of ALERTS when the range moves, as the panels do', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(noon);
    const asked: { start: number; end: number }[] = [];
    server.use(
      http.post(`${BASE}/api/v1/query_range`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        if (form.get('query') !== FIRING_ALERTS_EXPR) return HttpResponse.json({ status: 'error', errorType: 'bad_data', error: 'unexpected' }, { status: 400 });
        const start = Number(form.get('start')) * S;
        asked.push({ start, end: Number(form.get('end')) * S });
        const metric = { __name__: 'ALERTS', alertname: 'HighMemory', alertstate: 'firing', instance: 'web-1' };
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric, values: [[start / S, '1']] }] } });
      }),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <PromClientProvider client={createPromClient({ baseUrl: BASE })} incremental={{ overlapMs: 30 * S, fullEveryMs: 10 * 60 * S }}>
          <TimeRangeProvider range={{ from: 'now-1h', to: 'now' }} fallbackRange={{ from: 'now-1h', to: 'now' }} timezone="UTC" refreshMs={undefined} onRangeChange={() => undefined}>
            <Bands />
          </TimeRangeProvider>
        </PromClientProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.end - asked[0]!.start).toBeGreaterThanOrEqual(60 * 60 * S);
    await screen.findByText('1 bands');

    vi.setSystemTime(noon + 20 * S);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    // Final up to noon less the 30 s overlap: the tail starts at the next 10 s step, 11:59:40.
    expect(asked[1]!.start).toBe(noon - 20 * S);
    queryClient.clear();
  });
});

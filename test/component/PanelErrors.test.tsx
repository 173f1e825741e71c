import { HttpResponse } from 'msw';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { demoBootData } from '../bootFixture';
import { TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { answerRangeQuery, COLD_START_TIMEOUT_MS, CACHE_METRIC, drawnLines, emptyMatrix, MEMORY_METRIC, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The other two panels draw as usual: a failure stays in its own panel. */
async function expectMemoryAndErrorRateDraw() {
  await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  await waitFor(() => expect(drawnLines(panel('Error rate'))).toHaveLength(4));
  expect(within(panel('Memory')).queryByRole('alert')).toBeNull();
  expect(within(panel('Error rate')).queryByRole('alert')).toBeNull();
}

describe('a panel whose query finds nothing', () => {
  it('says there is no data in this time range while the others draw', async () => {
    server.use(answerRangeQuery(CACHE_METRIC, emptyMatrix));
    openApp('');
    const cache = panel('Cache size');
    expect(await within(cache).findByText('No data in this time range')).toBeInTheDocument();
    expect(drawnLines(cache)).toHaveLength(0);
    expect(within(cache).queryByRole('alert')).toBeNull();
    expect(within(cache).queryByRole('table', { name: 'Legend' })).toBeNull();
    await expectMemoryAndErrorRateDraw();
    expect(within(panel('Memory')).queryByText('No data in this time range')).toBeNull();
  }, COLD_START_TIMEOUT_MS);
});

const SERVER_MESSAGE = {
  execution: 'query processing would load too many samples into memory in query execution',
  timeout: 'query timed out in expression evaluation',
};

interface ErrorCase {
  readonly name: string;
  readonly respond: () => Response;
  readonly title: string;
  /** Text the alert must show: the server's own words where it sent any. */
  readonly message: string | RegExp;
}

const ERROR_CASES: readonly ErrorCase[] = [
  {
    name: 'execution error (422)',
    respond: () => HttpResponse.json({ status: 'error', errorType: 'execution', error: SERVER_MESSAGE.execution }, { status: 422 }),
    title: 'The server could not execute the query',
    message: SERVER_MESSAGE.execution,
  },
  {
    name: 'timeout (503, errorType timeout)',
    respond: () => HttpResponse.json({ status: 'error', errorType: 'timeout', error: SERVER_MESSAGE.timeout }, { status: 503 }),
    title: 'The query timed out',
    message: SERVER_MESSAGE.timeout,
  },
  {
    name: 'a proxy\'s HTML 502 page',
    respond: () => new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
    title: 'Server unavailable',
    message: 'The Prometheus server is unavailable (HTTP 502 Bad Gateway)',
  },
  {
    name: 'a network error',
    respond: () => HttpResponse.error(),
    title: 'Server unavailable',
    message: `Cannot reach the Prometheus server at ${TEST_PROMETHEUS_URL}`,
  },
  {
    name: 'unauthorized (401)',
    respond: () => new HttpResponse('Unauthorized', { status: 401, statusText: 'Unauthorized' }),
    title: 'Access refused by the server',
    message: /HTTP 401.*credentials missing or expired/,
  },
  {
    name: 'malformed (200 with garbage instead of JSON)',
    respond: () => new HttpResponse('{"status":"success","data":{"resultType":"matr', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    title: 'Malformed response from the server',
    message: 'Malformed response from /api/v1/query_range: the body is not JSON',
  },
];

describe('each kind of failure is told apart in its panel', () => {
  it.each(ERROR_CASES)('$name', async ({ respond, title, message }) => {
    server.use(answerRangeQuery(CACHE_METRIC, respond));
    openApp('');
    const cache = panel('Cache size');
    const alert = await within(cache).findByRole('alert');
    expect(within(alert).getByText(title, { exact: false })).toBeInTheDocument();
    // Told apart: no other kind's title (being unreachable by HTML page or by network is one kind).
    for (const other of new Set(ERROR_CASES.map((c) => c.title))) {
      if (other !== title) expect(alert).not.toHaveTextContent(other);
    }
    expect(alert).toHaveTextContent(message);
    // The query that failed is named, so it can be copied into Prometheus's own UI.
    expect(alert).toHaveTextContent(CACHE_METRIC);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(drawnLines(cache)).toHaveLength(0);
    await expectMemoryAndErrorRateDraw();
  });

  it('draws the panel once Retry reaches a server that answers normally again', async () => {
    const user = userEvent.setup();
    let failing = true;
    server.use(
      answerRangeQuery(MEMORY_METRIC, () =>
        failing ? HttpResponse.json({ status: 'error', errorType: 'execution', error: SERVER_MESSAGE.execution }, { status: 422 }) : undefined,
      ),
    );
    openApp('');
    const memory = panel('Memory');
    const alert = await within(memory).findByRole('alert');
    expect(alert).toHaveTextContent(SERVER_MESSAGE.execution);
    expect(drawnLines(memory)).toHaveLength(0);

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    expect(within(memory).queryByRole('alert')).toBeNull();
    expect(memory).toHaveAttribute('data-stale', 'false');
  });
});

describe('a panel that fails to draw', () => {
  it('shows "This panel failed to draw" in that panel alone', async () => {
    const boot = demoBootData();
    const dashboard = boot.dashboards[0];
    if (!dashboard) throw new Error('the demo has a dashboard');
    // A dashboard built in code rather than read through parseDashboard: nothing filled in the
    // thresholds' default, and drawing the chart trips over it once data arrives.
    const broken = {
      ...dashboard,
      panels: dashboard.panels.map((p) => (p.id === 'cache-size' ? { ...p, thresholds: undefined as unknown as typeof p.thresholds } : p)),
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    openApp('', { ...boot, dashboards: [broken] });
    // The boundary puts its own section in place of the panel once its data makes the chart throw.
    await waitFor(() => expect(within(panel('Cache size')).getByRole('alert')).toHaveTextContent('This panel failed to draw'));
    const alert = within(panel('Cache size')).getByRole('alert');
    expect(alert).toHaveTextContent(/thresholds/);
    await expectMemoryAndErrorRateDraw();
    expect(quiet).toHaveBeenCalled();
  });
});

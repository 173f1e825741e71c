import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

// Prometheus alerts on the incident dashboard, against the demo backend and its HighMemory rule
// (memory above 1.5 GiB for 30 s, as deploy/prometheus/vigil-alerts.rules.yml).

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const bandName = (instance: string) => new RegExp(`^Alert HighMemory firing (09:5\\d|10:\\d\\d)–(11:5\\d|12:0\\d) on ${instance}$`);

/** Range queries for ALERTS answered with `series` (Prometheus' JSON); every other query goes to the demo. */
function answerAlerts(series: { metric: Record<string, string>; values: [number, string][] }[]) {
  server.use(
    http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
      const form = new URLSearchParams(await request.clone().text());
      if (!form.get('query')?.startsWith('ALERTS{')) return undefined;
      return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: series } });
    }),
  );
}

describe('alerts from Prometheus', () => {
  it("draws each instance's firing period as a band on the panels of that instance, named in words", async () => {
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    for (const instance of ['web-1', 'web-2', 'web-3']) {
      expect(await within(memory).findByRole('img', { name: bandName(instance) })).toBeInTheDocument();
    }
    // The strip is not the incident's shading: thin, at the bottom of the plot.
    const band = within(memory).getByRole('img', { name: bandName('web-2') });
    expect(band.querySelector('.alert-band-fill')?.getAttribute('height')).toBe('5');
  }, 2 * COLD_START_TIMEOUT_MS);

  it("leaves an instance's alert off panels without a series of that instance (grafana/grafana#7375)", async () => {
    openApp('?var-instance=web-1');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(1));
    expect(await within(memory).findByRole('img', { name: bandName('web-1') })).toBeInTheDocument();
    expect(within(memory).queryByRole('img', { name: bandName('web-2') })).toBeNull();
  }, COLD_START_TIMEOUT_MS);

  it('follows the series shown: isolating web-2 in the legend leaves only its alert', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await within(memory).findByRole('img', { name: bandName('web-1') });
    await user.click(within(memory).getByRole('button', { name: 'web-2', pressed: true }));
    await waitFor(() => expect(within(memory).queryByRole('img', { name: bandName('web-1') })).toBeNull());
    expect(within(memory).getAllByRole('img', { name: /^Alert / }).map((b) => b.getAttribute('data-instance'))).toEqual(['web-2']);
  }, COLD_START_TIMEOUT_MS);

  it('shows the name on hover and on focus, and a flapping alert as one band', async () => {
    const user = userEvent.setup();
    // Flapping on web-2: fires a minute, quiet four, eight times from 10:00; firing 11:00–11:20 on web-1.
    const minute = (m: number) => Date.UTC(2024, 0, 15, 10, m) / 1000;
    const flapping = Array.from({ length: 8 }, (_, i) => [minute(5 * i), minute(5 * i) + 60]).flat();
    const steady = Array.from({ length: 21 }, (_, i) => minute(60 + i));
    answerAlerts([
      { metric: { __name__: 'ALERTS', alertname: 'Flappy', alertstate: 'firing', instance: 'web-2' }, values: flapping.map((t) => [t, '1']) },
      { metric: { __name__: 'ALERTS', alertname: 'HighMemory', alertstate: 'firing', instance: 'web-1' }, values: steady.map((t) => [t, '1']) },
    ]);
    openApp('');
    const memory = panel('Memory');
    const flappy = await within(memory).findByRole('img', { name: 'Alert Flappy flapping ×8 10:00–10:36 on web-2' });
    expect(within(memory).getAllByRole('img', { name: /^Alert Flappy/ })).toHaveLength(1);
    const steadyBand = within(memory).getByRole('img', { name: 'Alert HighMemory firing 11:00–11:20 on web-1' });

    await user.hover(steadyBand);
    expect(memory.querySelector('.alert-band-label')).toHaveTextContent('Alert HighMemory firing 11:00–11:20 on web-1');
    await user.unhover(steadyBand);
    act(() => flappy.focus());
    expect(memory.querySelector('.alert-band-label')).toHaveTextContent('Alert Flappy flapping ×8 10:00–10:36 on web-2');
  }, COLD_START_TIMEOUT_MS);

  it('lists the alerts firing now in the header, on open', async () => {
    const user = userEvent.setup();
    server.use(
      http.get(`${TEST_PROMETHEUS_URL}/api/v1/alerts`, () =>
        HttpResponse.json({
          status: 'success',
          data: {
            alerts: [
              { labels: { alertname: 'HighMemory', instance: 'web-2', severity: 'page' }, annotations: { summary: 'web-2 uses more than 1.5 GiB of memory' }, state: 'firing', activeAt: '2024-01-15T10:05:00Z', value: '1.7e+09' },
              { labels: { alertname: 'HighMemory', instance: 'web-1' }, annotations: {}, state: 'firing', activeAt: '2024-01-15T10:12:00Z', value: '1.6e+09' },
              { labels: { alertname: 'HighMemory', instance: 'web-3' }, annotations: {}, state: 'pending', activeAt: '2024-01-15T10:14:00Z', value: '1.6e+09' },
            ],
          },
        }),
      ),
    );
    openApp('');
    const button = await screen.findByRole('button', { name: '2 alerts firing' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const list = screen.getByRole('list', { name: 'Alerts firing' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'HighMemory on web-1 since 2024-01-15 10:12:00',
      'HighMemory on web-2 since 2024-01-15 10:05:00web-2 uses more than 1.5 GiB of memory',
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Alerts firing' })).toBeNull();
    expect(button).toHaveFocus();
  }, COLD_START_TIMEOUT_MS);

  it('says so when the server cannot list alerts, and nothing when it has no alerts endpoint', async () => {
    server.use(http.get(`${TEST_PROMETHEUS_URL}/api/v1/alerts`, () => HttpResponse.json({ status: 'error', errorType: 'execution', error: 'rule manager stopped' }, { status: 422 })));
    const { unmount } = openApp('');
    expect(await screen.findByText('Alerts unavailable')).toHaveAttribute('title', expect.stringContaining('rule manager stopped'));
    unmount();
    server.use(http.get(`${TEST_PROMETHEUS_URL}/api/v1/alerts`, () => new HttpResponse('404 page not found', { status: 404 })));
    openApp('');
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
    expect(screen.queryByText(/alerts? (firing|unavailable)/i)).toBeNull();
  }, COLD_START_TIMEOUT_MS);
});

import { http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { MAX_ACTIVE_ALERTS, MAX_ALERT_LABELS, MAX_LABEL_TEXT } from './activeAlerts';
import { createPromClient } from './client';
import { isPromClientError } from './errors';

const BASE = 'http://prometheus.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answer(body: JsonBodyType, status = 200) {
  server.use(http.get(`${BASE}/api/v1/alerts`, () => HttpResponse.json(body, { status })));
}

// Prometheus 2.x's answer, as it writes it.
const HIGH_MEMORY = {
  labels: { alertname: 'HighMemory', instance: 'web-2', job: 'webapp', severity: 'page' },
  annotations: { summary: 'web-2 uses more than 1.5 GiB' },
  state: 'firing',
  activeAt: '2024-01-15T10:05:12.345678901Z',
  value: '1.61e+09',
};

it('reads /api/v1/alerts with times in ms', async () => {
  answer({ status: 'success', data: { alerts: [HIGH_MEMORY, { ...HIGH_MEMORY, state: 'pending', activeAt: '0001-01-01T00:00:00Z' }] } });
  const { alerts, omitted } = await createPromClient({ baseUrl: BASE }).alerts();
  expect(omitted).toBe(0);
  expect(alerts).toEqual([
    { labels: HIGH_MEMORY.labels, annotations: HIGH_MEMORY.annotations, state: 'firing', activeAt: Date.UTC(2024, 0, 15, 10, 5, 12, 345) },
    // The zero time means "never active": no time rather than year 1.
    { labels: HIGH_MEMORY.labels, annotations: HIGH_MEMORY.annotations, state: 'pending', activeAt: undefined },
  ]);
});

it('keeps at most MAX_ACTIVE_ALERTS alerts and counts the rest', async () => {
  answer({ status: 'success', data: { alerts: Array.from({ length: MAX_ACTIVE_ALERTS + 7 }, () => HIGH_MEMORY) } });
  const { alerts, omitted } = await createPromClient({ baseUrl: BASE }).alerts();
  expect(alerts).toHaveLength(MAX_ACTIVE_ALERTS);
  expect(omitted).toBe(7);
});

it('cuts long labels and caps their number', async () => {
  const labels = Object.fromEntries(Array.from({ length: MAX_ALERT_LABELS + 10 }, (_, i) => [`l${i}`, 'x'.repeat(2_000)]));
  answer({ status: 'success', data: { alerts: [{ ...HIGH_MEMORY, labels }] } });
  const [alert] = (await createPromClient({ baseUrl: BASE }).alerts()).alerts;
  expect(Object.keys(alert?.labels ?? {})).toHaveLength(MAX_ALERT_LABELS);
  expect(alert?.labels.l0).toHaveLength(MAX_LABEL_TEXT);
  expect(alert?.labels.l0?.endsWith('…')).toBe(true);
});

it.each([
  ['no alerts list', { status: 'success', data: {} }],
  ['labels that are not strings', { status: 'success', data: { alerts: [{ ...HIGH_MEMORY, labels: { instance: 2 } }] } }],
  ['no state', { status: 'success', data: { alerts: [{ labels: {} }] } }],
])('refuses an answer with %s as malformed, naming the field', async (_name, body) => {
  answer(body);
  const error = await createPromClient({ baseUrl: BASE }).alerts().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPromClientError(error) && error.kind).toBe('malformed');
  expect(String((error as Error).message)).toMatch(/alerts/);
});

// @vitest-environment jsdom
// A relative base (the browser demo's DEMO_BASE_URL) must answer on the page origin only.
import { setupServer } from 'msw/node';
import { DEMO_BASE_URL, createPrometheusHandlers } from './handlers';

const unhandled: string[] = [];
const server = setupServer(...createPrometheusHandlers(DEMO_BASE_URL));

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterAll(() => server.close());

it('answers the page origin under the relative base', async () => {
  expect(DEMO_BASE_URL).toBe('/demo-prometheus');
  const response = await fetch(`${location.origin}${DEMO_BASE_URL}/api/v1/status/buildinfo`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'success', data: { version: '2.42.0-demo' } });
});

it('leaves other origins alone', async () => {
  await fetch(`http://other.invalid${DEMO_BASE_URL}/api/v1/status/buildinfo`).catch(() => undefined);
  expect(unhandled).toEqual([`http://other.invalid${DEMO_BASE_URL}/api/v1/status/buildinfo`]);
});

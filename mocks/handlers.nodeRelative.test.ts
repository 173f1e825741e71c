// @vitest-environment node
// Without a page (plain Node), a relative base answers on any origin.
import { setupServer } from 'msw/node';
import { DEMO_BASE_URL, createPrometheusHandlers } from './handlers';

const server = setupServer(...createPrometheusHandlers(DEMO_BASE_URL));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('answers the relative base on any origin', async () => {
  expect(typeof location).toBe('undefined');
  const response = await fetch(`http://anywhere.test${DEMO_BASE_URL}/api/v1/query?query=up&time=1705320000`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
});

// The demo backend inside the page: MSW's handlers answer the Prometheus API through a fetch
// function handed to the client, with no service worker. A worker needs a secure context (the
// demo would fail when served over plain http on a LAN address), and MSW 2's worker bridge keeps
// one message port and stream per response alive, which a wall display refreshing every second
// for weeks cannot afford (measured with npm run soak).
import { getResponse } from 'msw';
import { createPrometheusHandlers, DEMO_BASE_URL } from './handlers';

export { DEMO_BASE_URL } from './handlers';

const handlers = createPrometheusHandlers(DEMO_BASE_URL);

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** A `fetch` whose server is the demo scenario; anything it does not answer is a 404. */
export const demoFetch: typeof fetch = async (input, init) => {
  const request = new Request(input instanceof Request ? input : new URL(String(input), globalThis.location?.href ?? 'http://localhost/'), init);
  if (request.signal.aborted) throw abortError();
  const response = await getResponse(handlers, request, { baseUrl: globalThis.location?.origin });
  if (request.signal.aborted) throw abortError();
  return response ?? new Response('404 page not found\n', { status: 404, headers: { 'content-type': 'text/plain' } });
};

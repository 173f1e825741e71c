// The demo backend inside the browser: a service worker answering the Prometheus API.
import { setupWorker } from 'msw/browser';
import { createPrometheusHandlers, DEMO_BASE_URL } from './handlers';

export { DEMO_BASE_URL } from './handlers';

export const worker = setupWorker(...createPrometheusHandlers(DEMO_BASE_URL));

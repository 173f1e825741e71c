// The demo backend for Node tests: requests to NODE_DEMO_BASE_URL are answered in-process.
import { setupServer } from 'msw/node';
import { createPrometheusHandlers } from './handlers';

export const NODE_DEMO_BASE_URL = 'http://localhost/demo-prometheus';

export const server = setupServer(...createPrometheusHandlers(NODE_DEMO_BASE_URL));

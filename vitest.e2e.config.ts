import { defineConfig } from 'vitest/config';

// The browser suite against real Prometheus and VictoriaMetrics. Files run one after another:
// each starts servers and a browser, and the machine has two cores.
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['./test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});

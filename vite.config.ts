import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

// PROMETHEUS_URL (e.g. http://127.0.0.1:9090 or http://host/prometheus) makes the dev server
// proxy /prometheus/* to that server, so a real backend works without any CORS set-up.
const prometheusUrl = process.env.PROMETHEUS_URL;
// VIGIL_CONFIG=path/to/config.json replaces public/config.json in the dev server.
const configPath = process.env.VIGIL_CONFIG ?? (prometheusUrl ? 'proxy' : undefined);

function runtimeConfig(): Plugin {
  return {
    name: 'vigil-runtime-config',
    configureServer(server) {
      if (!configPath) return;
      server.middlewares.use('/config.json', (_req, res) => {
        const body =
          configPath === 'proxy'
            ? JSON.stringify({
                datasource: { url: '/prometheus' },
                timezone: 'UTC',
                dashboards: ['dashboards/incident.json'],
                incidents: ['incidents/2024-01-15-webapp-memory-leak.txt'],
              })
            : readFileSync(configPath, 'utf8');
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    proxy: prometheusUrl
      ? {
          '/prometheus': {
            target: prometheusUrl,
            changeOrigin: true,
            rewrite: (path) => path.replace(/^\/prometheus/, ''),
          },
        }
      : undefined,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'test/component/**/*.test.tsx', 'test/bench/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/corpus/**/*.test.ts'],
    restoreMocks: true,
  },
});

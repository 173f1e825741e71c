import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
                incidents: ['incidents/2024-01-15-webapp-memory-leak.json'],
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
    setupFiles: ['./test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // codemirror-promql has no "exports": Node would load its CommonJS build, which loads the
    // CommonJS @codemirror/state beside the ESM one the app imports, and CodeMirror refuses the
    // mix. Its ESM build (what the app bundle uses), run through Vite, keeps one of each.
    alias: [{ find: /^@prometheus-io\/codemirror-promql$/, replacement: fileURLToPath(new URL('./node_modules/@prometheus-io/codemirror-promql/dist/esm/index.js', import.meta.url)) }],
    server: { deps: { inline: [/codemirror-promql/] } },
    // Two suites, each sharing its worker's modules across files (isolate: false): re-importing
    // React, Recharts and MSW and building a jsdom window for every one of 138 files cost about
    // two thirds of the run (333 s isolated, about 110 s shared, on 2 cores). test/setup.ts resets
    // what a file can leave behind (timers, <body>); unstubGlobals undoes vi.stubGlobal.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Logic needs no DOM (the postmortem reader runs in a Web Worker, which has none);
          // a file that does says `@vitest-environment jsdom`.
          environment: 'node',
          isolate: false,
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/corpus/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          isolate: false,
          include: ['src/**/*.test.tsx', 'test/component/**/*.test.tsx'],
        },
      },
    ],
  },
});

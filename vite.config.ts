import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// PROMETHEUS_URL (e.g. http://127.0.0.1:9090 or http://host/prometheus) makes the dev server
// proxy /prometheus/* to that server, so a real backend works without any CORS set-up.
const prometheusUrl = process.env.PROMETHEUS_URL;

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.PORT ?? 5173),
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
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    restoreMocks: true,
  },
});

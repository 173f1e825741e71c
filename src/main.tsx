import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { isDemo } from './app/config';
import { loadConfig } from './app/loaders';
import { createQueryClient } from './app/queryClient';
import { PromClientProvider } from './dashboard';
import { createPromClient } from './prometheus';
import { resolveTimezone } from './time';
import './app/styles.css';


async function boot() {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    const config = await loadConfig();
    const demo = isDemo(config);
    let baseUrl = config.datasource.url;
    if (demo) {
      // The demo backend answers the Prometheus API inside the browser (a service worker);
      // it is loaded only in demo mode, so a build aimed at a real server never runs it.
      const { worker, DEMO_BASE_URL } = await import('../mocks/browser');
      baseUrl = DEMO_BASE_URL;
      await worker.start({
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
        onUnhandledRequest: 'bypass',
        quiet: true,
      });
    }
    const client = createPromClient({ baseUrl, headers: config.datasource.headers });
    const timezone = resolveTimezone(config.timezone);
    root.render(
      <StrictMode>
        <QueryClientProvider client={createQueryClient()}>
          <PromClientProvider client={client}>
            <App config={{ ...config, timezone }} demo={demo} />
          </PromClientProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<BootError error={error} />);
  }
}

void boot();

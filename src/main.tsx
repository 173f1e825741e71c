import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { AppErrorBoundary } from './app/AppErrorBoundary';
import { BootError } from './app/BootError';
import { loadBootData, type BootData } from './app/boot';
import { incrementalPolicy, isDemo, scrapeIntervalMs } from './app/config';
import { createQueryClient } from './app/queryClient';
import { PromClientProvider } from './dashboard';
import { createPromClient, promKeys, sharedRangeAnswerReader, type PromClient } from './prometheus';
import './app/styles.css';
import { MINUTE_MS } from './time';

// A wall display runs for weeks: it picks up config, dashboard and incident changes by itself.
const CONFIG_RELOAD_MS = 5 * MINUTE_MS;

const queryClient = createQueryClient();

async function demoClient(): Promise<PromClient> {
  // The demo backend answers the Prometheus API inside the page; it is loaded only in demo mode,
  // so a build aimed at a real server never runs it.
  const { demoFetch, DEMO_BASE_URL } = await import('../mocks/inPage');
  return createPromClient({ baseUrl: DEMO_BASE_URL, fetch: demoFetch });
}

function render(root: Root, boot: BootData, client: PromClient) {
  document.documentElement.dataset.theme = boot.config.theme;
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <PromClientProvider
          client={client}
          scrapeIntervalMs={scrapeIntervalMs(boot.config)}
          headerNames={Object.keys(boot.config.datasource.headers)}
          inPage={isDemo(boot.config)}
          incremental={incrementalPolicy(boot.config)}
        >
          <AppErrorBoundary defaultViewHref={window.location.pathname}>
            <App boot={boot} demo={isDemo(boot.config)} />
          </AppErrorBoundary>
        </PromClientProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

async function boot() {
  // The range answers' worker loads its script and starts while config, dashboards and incidents
  // load: started with the first client, it sat between the panels' first queries and their requests.
  sharedRangeAnswerReader();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  let current: BootData;
  let client: PromClient;
  const clientFor = async (data: BootData) => {
    const { url, headers, maxResponseBytes } = data.config.datasource;
    return isDemo(data.config) ? demoClient() : createPromClient({ baseUrl: url, headers, maxResponseBytes });
  };
  try {
    current = await loadBootData();
    client = await clientFor(current);
    render(root, current, client);
  } catch (error) {
    root.render(<BootError error={error} />);
    return;
  }
  setInterval(() => {
    loadBootData()
      .then(async (next) => {
        if (JSON.stringify(next) === JSON.stringify(current)) return;
        if (JSON.stringify(next.config.datasource) !== JSON.stringify(current.config.datasource)) {
          client = await clientFor(next);
          queryClient.removeQueries({ queryKey: promKeys.root });
        }
        current = next;
        render(root, current, client);
      })
      // A failed reload keeps the running configuration: the wall goes on showing data.
      .catch(() => undefined);
  }, CONFIG_RELOAD_MS);
}

void boot();

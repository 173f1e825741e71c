import { http, HttpResponse } from 'msw';
import { configure, screen } from '@testing-library/react';
import { App } from '../../src/app/App';
import type { BootData } from '../../src/app/boot';
import type { Incident } from '../../src/incidents';
import { demoBootData } from '../bootFixture';
import { renderWithProviders, TEST_PROMETHEUS_URL } from '../renderWithProviders';

/**
 * For a file's first test: the first chart drawn pays Recharts' cold start (~2 s here, more while
 * test files run in parallel on two cores). Headroom against flakes, not the expected time.
 */
export const COLD_START_TIMEOUT_MS = 10_000;

// Whole-app renders on a busy two-core machine can take longer than Testing Library's 1 s default
// to draw; waiting longer changes nothing when they are quick. Applies to files using this harness.
configure({ asyncUtilTimeout: 4_000 });

/**
 * Metrics the default dashboard's memory and cache panels select. Tests match requests by metric,
 * not by the whole expression, so dashboard variables interpolated into the selector do not matter.
 */
export const MEMORY_METRIC = 'process_resident_memory_bytes';
export const CACHE_METRIC = 'webapp_cache_size_bytes';

/** Opens the whole app at `?search#hash` (relative to the page root), on the demo backend. */
export function openApp(searchAndHash = '', boot: BootData = demoBootData()) {
  window.history.replaceState(null, '', `/${searchAndHash}`);
  return renderWithProviders(<App boot={boot} demo />);
}

export function panel(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

/** The drawn series lines of a panel: one SVG path per visible series. */
export function drawnLines(region: HTMLElement): SVGPathElement[] {
  return [...region.querySelectorAll<SVGPathElement>('[data-testid="series-lines"] path')];
}

/**
 * Answers range queries that select `metric` (`metric{…}`) with `respond`, evaluated per request so
 * a test can change the answer over time; every other query, and any request for which `respond`
 * gives undefined, falls through to the demo backend.
 */
export function answerRangeQuery(metric: string, respond: () => Response | undefined) {
  return http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
    const form = new URLSearchParams(await request.clone().text());
    if (!form.get('query')?.startsWith(`${metric}{`)) return undefined;
    return respond();
  });
}

export const EMPTY_MATRIX = { status: 'success', data: { resultType: 'matrix', result: [] } } as const;

export function emptyMatrix(): Response {
  return HttpResponse.json(EMPTY_MATRIX);
}

/** An incident pasted from elsewhere (it travels in the link's fragment), during the demo's window. */
export function importedIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'imported-db-failover',
    title: 'Database failover',
    start: Date.UTC(2024, 0, 15, 11, 0),
    end: Date.UTC(2024, 0, 15, 11, 40),
    events: [
      { time: Date.UTC(2024, 0, 15, 11, 5), text: 'Primary database stopped answering', kind: 'detected' },
      { time: Date.UTC(2024, 0, 15, 11, 40), text: 'Replica promoted', kind: 'resolved' },
    ],
    timezone: 'UTC',
    ...overrides,
  };
}

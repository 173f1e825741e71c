import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { http, HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { DashboardView, parseDashboard, TimeRangeProvider, type Dashboard } from '../../src/dashboard';
import { parsePostmortem, toOverlay, IncidentStrip } from '../../src/incidents';
import { renderWithProviders, TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { useState } from 'react';
import { readSeed } from '../../src/incidents/fixtures/readFixture';

const dashboardJson = JSON.parse(readFileSync(resolve(process.cwd(), 'public/dashboards/incident.json'), 'utf8'));
const seed = readSeed();
const parsed = parsePostmortem(seed, { id: 'seed', timezone: 'UTC' });
if (!parsed.ok) throw new Error(parsed.error);
const incident = parsed.incident;
const START = Date.UTC(2024, 0, 15, 9, 0);
const END = Date.UTC(2024, 0, 15, 13, 30);
const RANGE = { from: String(START), to: String(END) };

function IncidentDashboard({ dashboard }: { dashboard: Dashboard }) {
  const [selected, setSelected] = useState<string | undefined>();
  const overlay = toOverlay([incident]);
  return (
    <>
      <IncidentStrip incident={incident} timezone="UTC" selectedKey={selected} onActivate={(k) => setSelected((prev) => (prev === k ? undefined : k))} />
      <TimeRangeProvider range={RANGE} fallbackRange={RANGE} timezone="UTC" refreshMs={undefined} onRangeChange={() => {}}>
        <DashboardView
          dashboard={dashboard}
          windows={overlay.windows}
          markers={overlay.markers}
          selectedMarkerKey={selected}
          onSelectMarker={(k) => setSelected((prev) => (prev === k ? undefined : k))}
        />
      </TimeRangeProvider>
    </>
  );
}

function drawnPaths(region: HTMLElement): SVGPathElement[] {
  return [...region.querySelectorAll<SVGPathElement>('[data-testid="series-lines"] path')];
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Each test draws three panels from the demo backend in jsdom: 1–2 s idle, over 5 s (vitest's
// default) on a busy 2-core machine, the old code as the new; the waits inside stay bounded.
describe('the incident dashboard on the demo backend', { timeout: 20_000 }, () => {
  // The first test of the file also pays for loading the app's modules: up to seconds on a busy CI machine.
  it('draws memory, cache size and error rate, one line per instance (plus the overall error rate)', async () => {
    renderWithProviders(<IncidentDashboard dashboard={parseDashboard(dashboardJson, 'default')} />);
    const memory = screen.getByRole('region', { name: 'Memory' });
    const cache = screen.getByRole('region', { name: 'Cache size' });
    const errors = screen.getByRole('region', { name: 'Error rate' });
    await waitFor(() => expect(drawnPaths(memory)).toHaveLength(3), { timeout: 10_000 });
    await waitFor(() => expect(drawnPaths(cache)).toHaveLength(3), { timeout: 10_000 });
    await waitFor(() => expect(drawnPaths(errors)).toHaveLength(4), { timeout: 10_000 });
    for (const path of [...drawnPaths(memory), ...drawnPaths(cache), ...drawnPaths(errors)]) {
      // A real line: many segments, and never NaN coordinates.
      expect(path.getAttribute('d')?.split('L').length).toBeGreaterThan(50);
      expect(path.getAttribute('d')).not.toMatch(/NaN/);
    }
    // Legend in human units: memory peaks above the 1.5 GiB alert threshold during the leak.
    const legend = within(memory).getByRole('table', { name: 'Legend' });
    expect(within(legend).getByRole('row', { name: /web-2/ }).textContent).toMatch(/GiB/);
    expect(within(errors).getByRole('table', { name: 'Legend' }).textContent).toMatch(/all instances/);
  });

  it('marks the seven timeline events on every panel, with accessible names, and shades the outage', async () => {
    renderWithProviders(<IncidentDashboard dashboard={parseDashboard(dashboardJson, 'default')} />);
    for (const title of ['Memory', 'Cache size', 'Error rate']) {
      const region = screen.getByRole('region', { name: title });
      await waitFor(() => expect(drawnPaths(region).length).toBeGreaterThan(0));
      const markers = within(region).getAllByRole('button', { name: / at \d\d:\d\d: / });
      expect(markers).toHaveLength(7);
      expect(markers[0]).toHaveAccessibleName(/^detected at 10:00: The issue was first detected/);
      expect(markers[6]).toHaveAccessibleName(/^resolved at 12:30: The permanent fix was deployed/);
      expect(region.querySelectorAll('.incident-window')).toHaveLength(1);
      // The phases, shaded apart (a texture each, not only a colour) and named with their times.
      const phases = within(within(region).getByRole('group', { name: /^Phases of / })).getAllByRole('img');
      expect(phases.map((p) => p.getAttribute('aria-label'))).toEqual(['detected, before mitigation 10:00–12:00', 'mitigated, before resolution 12:00–12:30']);
      expect(new Set(phases.map((p) => p.getAttribute('fill'))).size).toBe(2);
    }
    // And in words beside the timeline, for readers who do not see the charts.
    const phaseList = within(screen.getByRole('list', { name: 'Phases' })).getAllByRole('listitem');
    expect(phaseList.map((li) => li.textContent)).toEqual(['detected, before mitigation 10:00–12:00', 'mitigated, before resolution 12:00–12:30']);
  });

  it('highlights an event chosen in the incident strip on every chart', async () => {
    const user = userEvent.setup();
    renderWithProviders(<IncidentDashboard dashboard={parseDashboard(dashboardJson, 'default')} />);
    await waitFor(() => expect(drawnPaths(screen.getByRole('region', { name: 'Memory' }))).toHaveLength(3));
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    await user.click(within(timeline).getByRole('button', { name: /12:00.*temporary fix/ }));
    for (const title of ['Memory', 'Cache size', 'Error rate']) {
      const region = screen.getByRole('region', { name: title });
      expect(within(region).getByRole('button', { name: /^mitigated at 12:00/ })).toHaveAttribute('aria-pressed', 'true');
      expect(within(region).getByRole('button', { name: /^resolved at 12:30/ })).toHaveAttribute('aria-pressed', 'false');
    }
  });

  it('shows Prometheus\'s own message in the failing panel while the other two keep drawing', async () => {
    const message = 'invalid parameter "query": 1:25: parse error: unexpected end of input inside braces';
    const broken = 'webapp_cache_size_bytes{job="webapp"';
    server.use(
      http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
        const form = new URLSearchParams(await request.clone().text());
        if (form.get('query') !== broken) return undefined;
        return HttpResponse.json({ status: 'error', errorType: 'bad_data', error: message }, { status: 400 });
      }),
    );
    const dashboard = parseDashboard(dashboardJson, 'default');
    const withBrokenCache: Dashboard = {
      ...dashboard,
      panels: dashboard.panels.map((p) => (p.id === 'cache-size' ? { ...p, queries: [{ expr: broken }] } : p)),
    };
    renderWithProviders(<IncidentDashboard dashboard={withBrokenCache} />);
    const cache = screen.getByRole('region', { name: 'Cache size' });
    const alert = await within(cache).findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Bad query');
    expect(within(cache).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await waitFor(() => expect(drawnPaths(screen.getByRole('region', { name: 'Memory' }))).toHaveLength(3));
    expect(drawnPaths(screen.getByRole('region', { name: 'Error rate' }))).toHaveLength(4);
    expect(within(screen.getByRole('region', { name: 'Memory' })).queryByRole('alert')).toBeNull();
  });
});

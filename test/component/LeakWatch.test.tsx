import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { server } from '../../mocks/node';
import { parseDashboard } from '../../src/dashboard';
import { DashboardAt } from '../dashboardAt';
import { renderWithProviders } from '../renderWithProviders';

// Leak watch on the incident dashboard, against the demo backend (the seed scenario).

const dashboardJson = JSON.parse(readFileSync(resolve(process.cwd(), 'public/dashboards/incident.json'), 'utf8'));
// Memory (watched) and cache size (not): the error-rate panel adds nothing here but drawing time.
const dashboard = parseDashboard({ ...dashboardJson, panels: dashboardJson.panels.slice(0, 2) }, 'incident.json');
/** Whole-dashboard renders on a busy two-core machine; the first pays Recharts' cold start. */
const RENDER_TIMEOUT_MS = 20_000;
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);

function renderDashboard({ end, timezone = 'UTC', kiosk = false, board = dashboard }: { end: number; timezone?: string; kiosk?: boolean; board?: typeof dashboard }) {
  return renderWithProviders(
    <DashboardAt dashboard={board} start={end - 2 * 3_600_000} end={end} timezone={timezone} windows={[]} markers={[]} selectedMarkerKey={undefined} onSelectMarker={() => {}} kiosk={kiosk} />,
  );
}

async function leakFlags(panelTitle: string): Promise<string[]> {
  const region = screen.getByRole('region', { name: panelTitle });
  const list = await within(region).findByRole('list', { name: 'Leak watch' }, { timeout: 8_000 });
  return within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
}

/** "… at ≈ 10:16 (in 46 min)" → the clock time, as minutes since midnight. */
function crossingMinutes(flag: string): number {
  const match = / at ≈ (\d\d):(\d\d) \(in /.exec(flag);
  if (!match) throw new Error(`no crossing time in "${flag}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('leak watch on the incident dashboard', () => {
  it('at 09:30 flags each leaking instance in words, with when it reaches the limit', async () => {
    renderDashboard({ end: at(9, 30) });
    const flags = await leakFlags('Memory');
    expect(flags.map((f) => f.slice(0, f.indexOf(':')))).toEqual(['web-1', 'web-2', 'web-3']);
    for (const flag of flags) {
      expect(flag).toContain(': leaking ≈ +');
      expect(flag).toContain('MiB/min since 08:');
      expect(flag).toContain('— reaches 1.5 GiB at ≈ ');
      // Within the 2 h horizon, after now (09:30).
      expect(crossingMinutes(flag)).toBeGreaterThan(9 * 60 + 30);
      expect(crossingMinutes(flag)).toBeLessThanOrEqual(11 * 60 + 30);
    }
    // Only the panel that asks for it.
    expect(within(screen.getByRole('region', { name: 'Cache size' })).queryByRole('list', { name: 'Leak watch' })).toBeNull();
  }, RENDER_TIMEOUT_MS);

  it('leaves series hidden in the legend out of the flags, as out of the tooltip, and says they are not watched', async () => {
    renderWithProviders(
      <DashboardAt dashboard={dashboard} start={at(7, 30)} end={at(9, 30)} timezone="UTC" windows={[]} markers={[]} selectedMarkerKey={undefined} onSelectMarker={() => {}} hidden={{ memory: ['web-2'] }} />,
    );
    const flags = await leakFlags('Memory');
    expect(flags.map((f) => f.slice(0, f.indexOf(':')))).toEqual(['web-1', 'web-3']);
    expect(within(screen.getByRole('region', { name: 'Memory' })).getByText('Leak watch (1 hidden series is not watched)')).toBeInTheDocument();
  }, RENDER_TIMEOUT_MS);

  it('draws a dashed projection per flag, ending on the limit, and stretches the time axis to it', async () => {
    renderDashboard({ end: at(9, 30) });
    await leakFlags('Memory');
    const memory = screen.getByRole('region', { name: 'Memory' });
    const projections = [...memory.querySelectorAll('.leak-projection line')];
    expect(projections).toHaveLength(3);
    const threshold = memory.querySelector('line.threshold');
    for (const line of projections) {
      expect(line.getAttribute('stroke-dasharray')).toBe('6 4');
      expect(Number(line.getAttribute('x2'))).toBeGreaterThan(Number(line.getAttribute('x1')));
      expect(Number(line.getAttribute('y2'))).toBeCloseTo(Number(threshold?.getAttribute('y1')), 6);
    }
    const ticks = (region: HTMLElement) => [...region.querySelectorAll('.x-axis .axis-tick-labels text')].map((t) => t.textContent);
    expect(ticks(memory)).toContain('10:00');
    expect(ticks(screen.getByRole('region', { name: 'Cache size' }))).not.toContain('10:00');
  }, RENDER_TIMEOUT_MS);

  it('says times in the page timezone', async () => {
    renderDashboard({ end: at(9, 30), timezone: 'Europe/Berlin' });
    for (const flag of await leakFlags('Memory')) {
      expect(flag).toContain('MiB/min since 09:');
      expect(crossingMinutes(flag)).toBeGreaterThan(10 * 60 + 30);
    }
  }, RENDER_TIMEOUT_MS);

  it('follows the data, as a wall refreshing a relative range does: the flags go once the leak is fixed', async () => {
    // The fix released the leak at 12:30; the next refresh's window ends after it.
    function Wall() {
      const [end, setEnd] = useState(at(9, 30));
      return (
        <>
          <button type="button" onClick={() => setEnd(at(13, 0))}>
            Next refresh
          </button>
          <DashboardAt dashboard={dashboard} start={end - 2 * 3_600_000} end={end} timezone="UTC" windows={[]} markers={[]} selectedMarkerKey={undefined} onSelectMarker={() => {}} kiosk />
        </>
      );
    }
    const user = userEvent.setup();
    renderWithProviders(<Wall />);
    expect(await leakFlags('Memory')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Next refresh' }));
    const memory = screen.getByRole('region', { name: 'Memory' });
    expect(await within(memory).findByText('Leak watch: no series on course to reach 1.5 GiB within 2 h', undefined, { timeout: 8_000 })).toBeInTheDocument();
    expect(memory.querySelectorAll('.leak-projection')).toHaveLength(0);
  }, RENDER_TIMEOUT_MS);

  it('stays quiet on the baseline before the leak', async () => {
    renderDashboard({ end: at(8, 20) });
    const memory = screen.getByRole('region', { name: 'Memory' });
    expect(await within(memory).findByText('Leak watch: no series on course to reach 1.5 GiB within 2 h', undefined, { timeout: 8_000 })).toBeInTheDocument();
    expect(within(memory).queryByRole('list', { name: 'Leak watch' })).toBeNull();
    expect(memory.querySelectorAll('.leak-projection')).toHaveLength(0);
  }, RENDER_TIMEOUT_MS);

  it('offers the alerting rule to copy; the wall shows the flags without it', async () => {
    const user = userEvent.setup();
    const { unmount } = renderDashboard({ end: at(9, 30) });
    await leakFlags('Memory');
    const memory = screen.getByRole('region', { name: 'Memory' });
    await user.click(await within(memory).findByRole('button', { name: 'Copy alerting rule' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('alert: "MemoryLeakPredicted"');
    expect(copied).toContain('predict_linear(process_resident_memory_bytes{job="webapp",instance=~".*"}[30m], 7200) > 1610612736');
    expect(await within(memory).findByRole('status')).toHaveTextContent('Alerting rule copied to the clipboard');
    unmount();

    renderDashboard({ end: at(9, 30), kiosk: true });
    expect(await leakFlags('Memory')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Copy alerting rule' })).toBeNull();
  }, RENDER_TIMEOUT_MS);

  it('says plainly when a watched panel has no limit', async () => {
    const board = parseDashboard({ ...dashboardJson, panels: [{ ...dashboardJson.panels[0], thresholds: [] }] }, 'no-limit.json');
    renderDashboard({ end: at(9, 30), board });
    expect(await screen.findByRole('alert')).toHaveTextContent('Leak watch needs a limit: set leakWatch.limit or give the panel a threshold.');
  }, RENDER_TIMEOUT_MS);
});

describe('the leakWatch option in dashboard JSON', () => {
  it('rejects a horizon that is not a duration, with the field named', () => {
    const bad = { ...dashboardJson, panels: [{ ...dashboardJson.panels[0], leakWatch: { horizon: 'soon' } }] };
    expect(() => parseDashboard(bad, 'bad.json')).toThrow('Dashboard bad.json: field "panels.0.leakWatch.horizon" is not a Prometheus duration such as "2h" or "90m"');
  });
});

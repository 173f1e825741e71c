import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import type { BootData } from '../../src/app/boot';
import { parseDashboard } from '../../src/dashboard';
import { INCIDENT_PALETTE, readIncidentFile, toOverlay, type Incident } from '../../src/incidents';
import { demoBootData } from '../bootFixture';
import { DashboardAt } from '../dashboardAt';
import { renderWithProviders } from '../renderWithProviders';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SEED_TITLE = "Memory leak in our application's backend";

/** An incident file as config.json would list it: during the demo's leak, beside the seed postmortem. */
function fileIncident(overrides: Record<string, unknown> = {}): Incident {
  const read = readIncidentFile({
    schemaVersion: 1,
    id: 'cache-stampede',
    title: 'Cache stampede',
    timezone: 'UTC',
    start: '2024-01-15T09:30:00Z',
    end: '2024-01-15T09:50:00Z',
    events: [{ time: '2024-01-15T09:35:00Z', kind: 'detected', text: 'Cache hit ratio alert fired' }],
    ...overrides,
  });
  if (!read.ok) throw new Error(read.error);
  return read.incident;
}

function bootWith(incident: Incident): BootData {
  const demo = demoBootData();
  return { ...demo, incidents: [...demo.incidents, { source: 'incidents/cache-stampede.json', result: { ok: true, incident } }] };
}

function windows(region: HTMLElement): string[] {
  return [...region.querySelectorAll('.incident-window')]
    .map((el) => el.getAttribute('fill'))
    .filter((fill): fill is string => fill !== null);
}

describe('the incident catalog', () => {
  it('draws a postmortem and an incident file at once, each in its own colour, with a legend', async () => {
    openApp('', bootWith(fileIncident()));
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await waitFor(() => expect(new Set(windows(memory))).toEqual(new Set([INCIDENT_PALETTE[0], INCIDENT_PALETTE[1]])));
    const legend = screen.getByRole('list', { name: 'Incidents on the charts' });
    expect(within(legend).getAllByRole('listitem').map((item) => [item.textContent, item.dataset.color])).toEqual([
      [SEED_TITLE, INCIDENT_PALETTE[0]],
      ['Cache stampede', INCIDENT_PALETTE[1]],
    ]);
    expect(screen.getByRole('region', { name: 'Incident: Cache stampede' })).toHaveStyle({ borderLeftColor: INCIDENT_PALETTE[1] });
  }, COLD_START_TIMEOUT_MS);

  it('hides an incident with the picker, keeps the other in its colour, and the link carries the choice', async () => {
    const user = userEvent.setup();
    openApp('', bootWith(fileIncident()));
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Incidents (2 of 2)' }));
    const picker = screen.getByRole('group', { name: 'Incidents shown' });
    await user.click(within(picker).getByRole('checkbox', { name: SEED_TITLE }));
    expect(within(picker).getByRole('checkbox', { name: SEED_TITLE })).not.toBeChecked();
    expect(within(picker).getByRole('checkbox', { name: 'Cache stampede' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Incidents (1 of 2)' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: `Incident: ${SEED_TITLE}` })).toBeNull();
    await waitFor(() => expect(windows(memory)).toEqual([INCIDENT_PALETTE[1]]));
    expect(window.location.search).toBe('?v=1&incident=cache-stampede');

    await user.click(within(picker).getByRole('checkbox', { name: 'Cache stampede' }));
    expect(window.location.search).toBe('?v=1&no-incidents');
    expect(screen.queryByRole('region', { name: /^Incident:/ })).toBeNull();
    await waitFor(() => expect(windows(memory)).toEqual([]));
  }, COLD_START_TIMEOUT_MS);

  it('opens a link that chose one incident with that one alone', async () => {
    openApp('?v=1&incident=cache-stampede', bootWith(fileIncident()));
    expect(screen.getByRole('region', { name: 'Incident: Cache stampede' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: `Incident: ${SEED_TITLE}` })).toBeNull();
    expect(screen.getByRole('button', { name: 'Incidents (1 of 2)' })).toBeInTheDocument();
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  }, COLD_START_TIMEOUT_MS);
});

describe('an open incident on the charts', () => {
  const dashboardJson: unknown = JSON.parse(readFileSync(resolve(process.cwd(), 'public/dashboards/incident.json'), 'utf8'));
  const START = Date.UTC(2024, 0, 15, 9, 0);
  const END = Date.UTC(2024, 0, 15, 13, 30);

  const open = fileIncident({ end: undefined, start: '2024-01-15T11:00:00Z', events: [{ time: '2024-01-15T11:10:00Z', kind: 'detected', text: 'Cache hit ratio alert fired' }] });
  const dashboard = parseDashboard(dashboardJson, 'default');

  /** The overlay as the page builds it at each refresh; "Refresh" moves the present on 45 minutes. */
  function RefreshingDashboard() {
    const [now, setNow] = useState(Date.UTC(2024, 0, 15, 12, 0));
    const overlay = toOverlay([open], { colors: new Map([[open.id, INCIDENT_PALETTE[2]]]), now });
    return (
      <>
        <button type="button" onClick={() => setNow(now + 45 * 60_000)}>
          Refresh
        </button>
        <DashboardAt dashboard={dashboard} start={START} end={END} windows={overlay.windows} markers={overlay.markers} selectedMarkerKey={undefined} onSelectMarker={() => {}} />
      </>
    );
  }

  it('is shaded from its start to the present of the last refresh, labelled with how long it has been open, and grows', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RefreshingDashboard />);
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await waitFor(() => expect(memory).toHaveTextContent('Cache stampede: open for 1h'));
    const before = shadedWidth(memory);
    expect(before).toBeGreaterThan(0);
    // Its phase since detection runs to now too, and grows with it.
    const detectedPhase = () => within(memory).getByRole('img', { name: 'detected, before mitigation 11:10–now' });
    const phaseBefore = Number(detectedPhase().getAttribute('width'));
    expect(within(memory).getByRole('img', { name: 'impact before detection 11:00–11:10' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(memory).toHaveTextContent('Cache stampede: open for 1h 45m'));
    expect(shadedWidth(memory)).toBeGreaterThan(before);
    expect(Number(detectedPhase().getAttribute('width'))).toBeGreaterThan(phaseBefore);
  }, 2 * COLD_START_TIMEOUT_MS);
});

/** Width in px of the shaded window. */
function shadedWidth(region: HTMLElement): number {
  return Number(region.querySelector('.incident-window')?.getAttribute('width'));
}

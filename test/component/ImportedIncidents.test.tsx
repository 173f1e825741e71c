import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import type { Incident } from '../../src/incidents';
import { buildUrl, decodeViewState, EMPTY_VIEW_STATE } from '../../src/url';
import { COLD_START_TIMEOUT_MS, drawnLines, importedIncident, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The app opened on a link that carries `incidents` in its fragment. */
function openWithImported(incidents: readonly Incident[], extra = '') {
  const url = buildUrl('http://localhost/', { ...EMPTY_VIEW_STATE, importedIncidents: incidents });
  const searchAndHash = url.slice('http://localhost/'.length);
  const [search = '', hash = ''] = searchAndHash.split('#');
  return openApp(`${search}${extra}${hash ? `#${hash}` : ''}`);
}

function openIncidentBanner(): HTMLElement | undefined {
  return screen.queryAllByRole('alert').find((alert) => alert.textContent?.includes('OPEN INCIDENT'));
}

/** Open incidents that came with the link: listed apart, never in the site's own banner. */
function linkIncidentNote(): HTMLElement | null {
  return screen.queryByRole('status', { name: 'Open incidents from this link' });
}

const MINUTE = 60_000;

describe('open incidents that came with a link', () => {
  // Issue 14, row 8: a crafted link put a full-width "OPEN INCIDENT" banner on a wall display.
  it('are marked "from this link", with the title and how long each has been open, never as the site\'s OPEN INCIDENT', async () => {
    const start = Date.now() - 90 * MINUTE - 20_000;
    openWithImported([importedIncident({ id: 'checkout-down', title: 'Checkout is down', start, end: undefined, events: [] })]);
    expect(linkIncidentNote()).toHaveTextContent("From this link (not from this site's incidents): Checkout is down — open for 1h 30m");
    expect(openIncidentBanner()).toBeUndefined();
    expect(screen.queryByText(/OPEN INCIDENT/)).toBeNull();
    // Its strip says it is still going on, and where it came from.
    const strip = screen.getByRole('region', { name: 'Incident: Checkout is down' });
    expect(strip).toHaveTextContent('(open for 1h 30m)');
    expect(strip).toHaveTextContent("From this link — not from this site's incidents");
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  }, COLD_START_TIMEOUT_MS);

  it('is absent when every incident has ended', async () => {
    openWithImported([importedIncident({ title: 'Database failover' })]);
    expect(screen.getByRole('region', { name: 'Incident: Database failover' })).toBeInTheDocument();
    expect(linkIncidentNote()).toBeNull();
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  });

  it('are marked in kiosk mode too', () => {
    openWithImported([importedIncident({ title: 'Checkout is down', start: Date.now() - 5 * MINUTE, end: undefined, events: [] })], '&kiosk');
    expect(linkIncidentNote()).toHaveTextContent('From this link (not from this site\'s incidents): Checkout is down — open for 5m');
    expect(openIncidentBanner()).toBeUndefined();
  });
});

describe('incidents that came with a link, in the incident picker', () => {
  it('are listed after the site\'s own, and one can be removed from the view and the link', async () => {
    const user = userEvent.setup();
    openWithImported([importedIncident(), importedIncident({ id: 'imported-checkout', title: 'Checkout is down' })]);
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Incidents (3 of 3)' }));
    const fromLink = screen.getByRole('list', { name: 'From this link' });
    expect(within(fromLink).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Database failoverRemove Database failover',
      'Checkout is downRemove Checkout is down',
    ]);

    await user.click(within(fromLink).getByRole('button', { name: 'Remove Database failover' }));
    expect(screen.queryByRole('region', { name: 'Incident: Database failover' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Incident: Checkout is down' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Incidents (2 of 2)' })).toBeInTheDocument();
    const linked = decodeViewState(window.location.search, window.location.hash.slice(1), { now: Date.now() }).state.importedIncidents;
    expect(linked.map((i) => i.title)).toEqual(['Checkout is down']);
  }, COLD_START_TIMEOUT_MS);
});

describe('a hostile postmortem carried in a link', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>window.__pwned = true</script>';
  const hostile = importedIncident({
    id: 'hostile',
    title: `Outage ${IMG}`,
    impact: `Users saw ${SCRIPT}`,
    rootCause: `<b>bold</b> ${IMG}`,
    end: undefined,
    events: [
      { time: Date.UTC(2024, 0, 15, 11, 5), text: `Pager fired ${SCRIPT}`, kind: 'detected' },
      { time: Date.UTC(2024, 0, 15, 11, 20), text: `Mitigated ${IMG}`, kind: 'mitigated' },
    ],
  });

  it('shows its title and event texts as text, never as markup', async () => {
    openWithImported([hostile]);
    expect(screen.getByRole('heading', { name: `Outage ${IMG}` })).toBeInTheDocument();
    expect(linkIncidentNote()).toHaveTextContent(`Outage ${IMG}`);
    expect(screen.getByText(`Users saw ${SCRIPT}`)).toBeInTheDocument();
    expect(screen.getByText(`<b>bold</b> ${IMG}`)).toBeInTheDocument();
    const strip = screen.getByRole('region', { name: `Incident: Outage ${IMG}` });
    const timeline = within(strip).getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByText(`Pager fired ${SCRIPT}`)).toBeInTheDocument();
    expect(within(timeline).getByText(`Mitigated ${IMG}`)).toBeInTheDocument();

    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    // 11:05 is five minutes from the seed incident's 11:00 event: one mark for both, whose list names each.
    fireEvent.click(within(memory).getByRole('button', { name: /^2 events: escalated, detected/ }));
    const item = within(within(memory).getByRole('dialog')).getByRole('button', { name: `detected at 11:05: Pager fired ${SCRIPT}` });
    expect(item).toHaveTextContent(`Pager fired ${SCRIPT}`);

    expect(document.querySelectorAll('img, script, b')).toHaveLength(0);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('opens with a notice, not a blank page, when an event time lies outside what a date can hold', async () => {
    // Finite, so the fragment's schema takes it, but past ±8.64e15 ms no Date can show it.
    const outOfRange = importedIncident({
      id: 'far-future',
      title: 'Far future',
      events: [{ time: 1e300, text: 'never', kind: 'other' }],
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    let crashed: unknown = null;
    try {
      openWithImported([outOfRange]);
    } catch (error) {
      crashed = error;
    }
    expect(crashed, 'the whole app must not fail to render because of one imported event').toBeNull();
    quiet.mockRestore();
    expect(screen.getByRole('status', { name: 'Link notices' })).toHaveTextContent(/imported incidents/);
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { App } from '../../src/app/App';
import { demoBootData } from '../bootFixture';
import { renderWithProviders } from '../renderWithProviders';
import { COLD_START_TIMEOUT_MS } from './appHarness';
import { buildUrl, EMPTY_VIEW_STATE } from '../../src/url';

const FROM = Date.UTC(2024, 0, 15, 10, 30);
const TO = Date.UTC(2024, 0, 15, 12, 45);
const INCIDENT = '2024-01-15-webapp-memory-leak';

function openAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  return renderWithProviders(<App boot={demoBootData()} demo />);
}

function lines(region: HTMLElement) {
  return region.querySelectorAll('[data-testid="series-lines"] path');
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('a permalink restores the view it describes', () => {
  it('restores the absolute range on every panel', async () => {
    openAt(`?v=1&from=${FROM}&to=${TO}&tz=UTC`);
    const memory = screen.getByRole('region', { name: 'Memory' });
    await waitFor(() => expect(lines(memory)).toHaveLength(3));
    for (const title of ['Memory', 'Cache size', 'Error rate']) {
      const region = screen.getByRole('region', { name: title });
      expect(region).toHaveAttribute('data-start', String(FROM));
      expect(region).toHaveAttribute('data-end', String(TO));
    }
    expect(screen.getByLabelText('Time range')).toHaveDisplayValue(/2024-01-15 10:30:00 – 2024-01-15 12:45:00/);
  }, COLD_START_TIMEOUT_MS);

  it('restores the timezone and shows it', async () => {
    openAt(`?v=1&from=${FROM}&to=${TO}&tz=Asia%2FTokyo`);
    expect(screen.getByLabelText('Timezone shown')).toHaveTextContent('Times in Asia/Tokyo');
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    // 10:00 UTC is 19:00 in Tokyo.
    expect(within(timeline).getAllByRole('button')[0]).toHaveTextContent(/^19:00detected/);
  });

  it('restores the focused panel alone', async () => {
    openAt(`?v=1&panel=error-rate`);
    expect(screen.getByRole('region', { name: 'Error rate' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Memory' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to dashboard' })).toBeInTheDocument();
  });

  it('restores hidden series and the selected event', async () => {
    openAt(`?v=1&hide=memory:web-2&event=${encodeURIComponent(`${INCIDENT}#5`)}`);
    const memory = screen.getByRole('region', { name: 'Memory' });
    await waitFor(() => expect(within(memory).getAllByRole('row')).toHaveLength(4));
    await waitFor(() => expect(lines(memory)).toHaveLength(2));
    expect(within(memory).getByRole('button', { name: /web-2/ })).toHaveAttribute('aria-pressed', 'false');
    expect(within(memory).getByRole('button', { name: /^mitigated at 12:00/ })).toHaveAttribute('aria-pressed', 'true');
    expect(lines(screen.getByRole('region', { name: 'Cache size' }))).toHaveLength(3);
  });

  it('restores the refresh interval and kiosk mode, which hides every control', async () => {
    openAt('?v=1&refresh=30s&kiosk');
    expect(screen.queryByLabelText('Time range')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit query' })).toBeNull();
    expect(screen.getByText('refresh 30s')).toBeInTheDocument();
    await waitFor(() => expect(lines(screen.getByRole('region', { name: 'Memory' }))).toHaveLength(3));
  });

  it('restores a query override carried in the fragment', async () => {
    const url = buildUrl('http://localhost/', { ...EMPTY_VIEW_STATE, overrides: { memory: ['process_resident_memory_bytes{instance="web-3"}'] } });
    openAt(url.slice('http://localhost/'.length));
    const memory = screen.getByRole('region', { name: 'Memory' });
    expect(within(memory).getByText('edited query')).toBeInTheDocument();
    await waitFor(() => expect(lines(memory)).toHaveLength(1));
    expect(within(memory).getByRole('table', { name: 'Legend' })).toHaveTextContent('web-3');
  });

  it('opens a garbage URL on the defaults with a notice naming what was ignored', async () => {
    openAt('?v=1&from=yesterday-ish&to=1705325400000&tz=Mars%2FOlympus&panel=nope&refresh=often#z=%%%garbage');
    const notices = screen.getByRole('status', { name: 'Link notices' });
    expect(notices).toHaveTextContent('from');
    expect(notices).toHaveTextContent('Mars/Olympus');
    expect(notices).toHaveTextContent('nope');
    expect(notices).toHaveTextContent('refresh');
    for (const title of ['Memory', 'Cache size', 'Error rate']) expect(screen.getByRole('region', { name: title })).toBeInTheDocument();
    const memory = screen.getByRole('region', { name: 'Memory' });
    await waitFor(() => expect(lines(memory)).toHaveLength(3));
    // The dashboard's default range: 2024-01-15 09:00–13:30 UTC.
    expect(memory).toHaveAttribute('data-start', String(Date.UTC(2024, 0, 15, 9)));
  });
});

describe('changes of view go into the URL', () => {
  it('pushes discrete changes so Back returns to the previous view', async () => {
    const user = userEvent.setup();
    openAt('');
    await user.click(within(screen.getByRole('region', { name: 'Memory' })).getByRole('button', { name: 'View' }));
    expect(window.location.search).toContain('panel=memory');
    expect(screen.queryByRole('region', { name: 'Cache size' })).toBeNull();
    window.history.back();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Cache size' })).toBeInTheDocument());
  });

  it('shares a permalink with the relative range frozen to absolute times, and the live link', async () => {
    const user = userEvent.setup();
    openAt('?v=1&from=now-1h&to=now');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this view' });
    const permalink = within(dialog).getByLabelText(/Permalink/) as HTMLInputElement;
    const live = within(dialog).getByLabelText(/Live link/) as HTMLInputElement;
    expect(permalink.value).toMatch(/from=\d{13}&to=\d{13}/);
    expect(live.value).toContain('from=now-1h&to=now');
    expect(await screen.findByText(/copied to the clipboard|clipboard is not available/)).toHaveAttribute('role', 'status');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

const INCIDENT = '2024-01-15-webapp-memory-leak';

/** A screen as narrow as a phone's, as matchMedia reports it (jsdom has none). */
function narrowScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

describe('the page on a narrow screen', () => {
  it('shows the compact bar and the incident summary above the same view a desktop link describes', async () => {
    narrowScreen();
    const user = userEvent.setup();
    openApp(`?v=1&tz=Asia/Tokyo&var-instance=web-1&var-instance=web-3&event=${encodeURIComponent(`${INCIDENT}#3`)}`);
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(2));

    // The compact bar instead of the desktop's row of controls.
    expect(screen.getByRole('button', { name: 'Menu' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Timezone' })).toHaveValue('Asia/Tokyo');
    // The instance picker waits in the menu; what it selects is said while the menu is shut.
    expect(screen.queryByRole('group', { name: 'Instance' })).toBeNull();
    expect(screen.getByText('Instance: web-1, web-3')).toBeVisible();

    // The incident: title and window; the rest behind the disclosure, with the timezone note.
    const incident = screen.getByRole('region', { name: /^Incident: / });
    expect(within(incident).getByText('Selected: 20:00 escalated')).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Timeline' })).toBeNull();
    await user.click(within(incident).getByRole('button', { name: 'Impact, root cause and 7 events' }));
    expect(within(incident).getByText(/Incident times read as UTC/)).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Timeline' })).getByRole('button', { name: /escalated/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Menu' }));
    expect(within(screen.getByRole('group', { name: 'More controls' })).getByRole('group', { name: 'Instance' })).toBeVisible();
  }, COLD_START_TIMEOUT_MS);

  it('keeps the desktop header where the screen is wide', async () => {
    openApp('');
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Share' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Menu' })).toBeNull();
  });
});

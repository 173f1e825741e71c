import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PANELS = ['Memory', 'Cache size', 'Error rate'];

describe('incident markers for keyboard users', () => {
  it('shows a focused marker\'s time and text in a tooltip, and Enter selects that event on every panel', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    const marker = within(memory).getByRole('button', { name: /^detected at 10:00/ });
    expect(within(memory).queryByRole('tooltip')).toBeNull();

    // Reached by Tab like any control: right after the panel's header buttons, in time order.
    act(() => within(memory).getByRole('button', { name: 'View' }).focus());
    await user.tab();
    expect(marker).toHaveFocus();

    const tooltip = within(memory).getByRole('tooltip');
    expect(tooltip).toHaveTextContent('2024-01-15 10:00:00');
    expect(tooltip).toHaveTextContent('detected');
    expect(tooltip).toHaveTextContent('The issue was first detected by our monitoring system');

    await user.keyboard('{Enter}');
    for (const title of PANELS) {
      const region = panel(title);
      expect(within(region).getByRole('button', { name: /^detected at 10:00/ })).toHaveAttribute('aria-pressed', 'true');
      expect(within(region).getByRole('button', { name: /^mitigated at 12:00/ })).toHaveAttribute('aria-pressed', 'false');
    }
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByRole('button', { name: /10:00.*first detected/ })).toHaveAttribute('aria-pressed', 'true');

    // Tab moves on to the next event, whose tooltip replaces this one.
    await user.tab();
    expect(within(memory).getByRole('tooltip')).toHaveTextContent('2024-01-15 10:15:00');
    expect(within(memory).getByRole('tooltip')).not.toHaveTextContent('first detected');
  }, COLD_START_TIMEOUT_MS);

  it('Space toggles the selection off again', async () => {
    const user = userEvent.setup();
    openApp('');
    const cache = panel('Cache size');
    await waitFor(() => expect(drawnLines(cache)).toHaveLength(3));
    const marker = within(cache).getByRole('button', { name: /^resolved at 12:30/ });
    act(() => marker.focus());
    expect(within(cache).getByRole('tooltip')).toHaveTextContent('The permanent fix was deployed');
    await user.keyboard(' ');
    expect(within(panel('Memory')).getByRole('button', { name: /^resolved at 12:30/ })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard(' ');
    expect(within(panel('Memory')).getByRole('button', { name: /^resolved at 12:30/ })).toHaveAttribute('aria-pressed', 'false');
  });
});

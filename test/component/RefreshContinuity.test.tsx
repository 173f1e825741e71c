import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { App } from '../../src/app/App';
import { demoBootData } from '../bootFixture';
import { renderWithProviders } from '../renderWithProviders';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('a refresh of a relative range keeps the chart on screen: no "Loading…", no remount', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/?v=1&from=now-15m&to=now');
  renderWithProviders(<App boot={demoBootData()} demo />);
  const memory = screen.getByRole('region', { name: 'Memory' });
  await waitFor(() => expect(memory.querySelectorAll('[data-testid="series-lines"] path')).toHaveLength(3), { timeout: 10_000 });
  const chart = memory.querySelector('svg.recharts-surface');
  const endBefore = memory.getAttribute('data-end');
  // Wait past one step, so the refreshed range asks for a new query key.
  await new Promise((resolve) => setTimeout(resolve, Number(memory.getAttribute('data-step')) + 500));
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  expect(within(memory).queryByText('Loading…')).toBeNull();
  await waitFor(() => expect(memory.getAttribute('data-end')).not.toBe(endBefore));
  await waitFor(() => expect(within(memory).queryByRole('status', { name: /is updating/ })).toBeNull());
  expect(within(memory).queryByText('Loading…')).toBeNull();
  expect(memory.querySelector('svg.recharts-surface')).toBe(chart);
  expect(memory.querySelectorAll('[data-testid="series-lines"] path')).toHaveLength(3);
}, 20_000);

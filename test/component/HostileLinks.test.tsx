import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Issue 14: links are written by anyone; none of them may take the page down.
describe('a hostile link still shows the dashboard', () => {
  it('row 1: a time beyond what a Date holds is named in a notice, not a blank page', () => {
    openApp('?v=1&from=now-280000y&to=now');
    const notices = screen.getByRole('status', { name: 'Link notices' });
    expect(within(notices).getByText('Ignored "from": "now-280000y" is outside the years 0001–9999')).toBeInTheDocument();
    expect(panel('Memory')).toBeInTheDocument();
  });
});

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

  // 6,000 rather than the 60,000 of the report: jsdom's history takes seconds for a long URL.
  it('row 6: thousands of values of one key are capped, their notices counted rather than listed', () => {
    const hides = Array.from({ length: 6_000 }, (_, n) => `hide=nosuch:web-${n}`).join('&');
    openApp(`?v=1&${hides}`);
    const items = within(screen.getByRole('status', { name: 'Link notices' })).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]).toHaveTextContent('Ignored 5000 more "hide" values: a link holds at most 1000 of one key');
    expect(items[1]).toHaveTextContent('Ignored "hide": "nosuch:web-0" names "nosuch", not a panel of this dashboard');
    // The 1,000 values kept name an unknown panel each: 1,001 notices, ten listed.
    expect(items[10]).toHaveTextContent('…and 991 more');
    expect(panel('Memory')).toBeInTheDocument();
  });
});

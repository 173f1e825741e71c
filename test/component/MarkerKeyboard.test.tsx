import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PANELS = ['Memory', 'Cache size', 'Error rate'];
const at = (h: number, m: number) => Date.UTC(2024, 0, 15, h, m);
const MINUTE = 60_000;
const rangeInLink = () => {
  const params = new URLSearchParams(window.location.search);
  return [Number(params.get('from')), Number(params.get('to'))];
};

describe('incident markers for keyboard users', () => {
  it('are one tab stop; the arrows and End move in time order, each showing its tooltip', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    const marker = (name: RegExp) => within(memory).getByRole('button', { name });
    expect(within(memory).queryByRole('tooltip')).toBeNull();

    // Reached by Tab like any control, right after the panel's header buttons: the first event.
    act(() => within(memory).getByRole('button', { name: 'View' }).focus());
    await user.tab();
    expect(marker(/^detected at 10:00/)).toHaveFocus();
    const tooltip = () => within(memory).getByRole('tooltip');
    expect(tooltip()).toHaveTextContent('2024-01-15 10:00:00');
    expect(tooltip()).toHaveTextContent('detected');
    expect(tooltip()).toHaveTextContent('The issue was first detected by our monitoring system');

    await user.keyboard('{ArrowRight}');
    expect(marker(/^acknowledged at 10:15/)).toHaveFocus();
    expect(tooltip()).toHaveTextContent('2024-01-15 10:15:00');
    expect(tooltip()).not.toHaveTextContent('first detected');
    await user.keyboard('{End}');
    expect(marker(/^resolved at 12:30/)).toHaveFocus();
    // The ends stop: no wrapping back to the first event.
    await user.keyboard('{ArrowRight}');
    expect(marker(/^resolved at 12:30/)).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(marker(/^mitigated at 12:00/)).toHaveFocus();

    // One tab stop for the whole row: Tab leaves the markers; Shift+Tab comes back to the last one focused.
    await user.tab();
    expect(within(memory).queryByRole('tooltip')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label') ?? '').not.toMatch(/ at \d\d:\d\d: /);
    await user.tab({ shift: true });
    expect(marker(/^mitigated at 12:00/)).toHaveFocus();
    // Each key press redraws the panel's chart: more than one cold start's time on a busy machine.
  }, 2 * COLD_START_TIMEOUT_MS);

  it('Enter selects the event on every panel and zooms every panel to it ±15 minutes; Space releases it; Back undoes each', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    act(() => within(memory).getByRole('button', { name: /^detected at 10:00/ }).focus());
    await user.keyboard('{ArrowRight}{Enter}');

    expect(rangeInLink()).toEqual([at(10, 15) - 15 * MINUTE, at(10, 15) + 15 * MINUTE]);
    for (const title of PANELS) {
      const region = panel(title);
      await waitFor(() => expect(region).toHaveAttribute('data-start', String(at(10, 0))));
      expect(region).toHaveAttribute('data-end', String(at(10, 30)));
      expect(within(region).getByRole('button', { name: /^acknowledged at 10:15/ })).toHaveAttribute('aria-pressed', 'true');
      expect(within(region).getByRole('button', { name: /^detected at 10:00/ })).toHaveAttribute('aria-pressed', 'false');
      // Out of the zoomed range: no longer marked.
      expect(within(region).queryByRole('button', { name: /^mitigated at 12:00/ })).toBeNull();
    }
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByRole('button', { name: /10:15.*confirmed the alert/ })).toHaveAttribute('aria-pressed', 'true');
    // The marker keeps focus through the zoom, so the arrows go on from it.
    expect(within(memory).getByRole('button', { name: /^acknowledged at 10:15/ })).toHaveFocus();

    // Space on the pressed event releases it; the range stays.
    await user.keyboard(' ');
    expect(within(panel('Cache size')).getByRole('button', { name: /^acknowledged at 10:15/ })).toHaveAttribute('aria-pressed', 'false');
    expect(rangeInLink()).toEqual([at(10, 0), at(10, 30)]);

    window.history.back();
    await waitFor(() => expect(within(panel('Cache size')).getByRole('button', { name: /^acknowledged at 10:15/ })).toHaveAttribute('aria-pressed', 'true'));
    window.history.back();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('from')).toBeNull());
    await waitFor(() => expect(within(panel('Memory')).getByRole('button', { name: /^mitigated at 12:00/ })).toHaveAttribute('aria-pressed', 'false'));
  }, 2 * COLD_START_TIMEOUT_MS);
});

describe('the Timeline list for keyboard users', () => {
  it('is one tab stop; the arrows move in time order, and Enter zooms every panel to the event', async () => {
    const user = userEvent.setup();
    openApp('');
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const entry = (name: RegExp) => within(timeline).getByRole('button', { name });
    const entries = within(timeline).getAllByRole('button');
    expect(entries.filter((b) => b.tabIndex === 0)).toEqual([entries[0]]);

    act(() => entry(/^10:00/).focus());
    await user.keyboard('{ArrowRight}');
    expect(entry(/^10:15/)).toHaveFocus();
    await user.keyboard('{End}');
    expect(entry(/^12:30/)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(entry(/^10:00/)).toHaveFocus();
    await user.keyboard('{ArrowLeft}{End}');
    expect(entry(/^12:30/)).toHaveFocus();
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(entry(/^12:00/)).toHaveAttribute('aria-pressed', 'true');
    expect(rangeInLink()).toEqual([at(11, 45), at(12, 15)]);
    for (const title of PANELS) {
      const region = panel(title);
      await waitFor(() => expect(region).toHaveAttribute('data-start', String(at(11, 45))));
      expect(region).toHaveAttribute('data-end', String(at(12, 15)));
    }
    await waitFor(() => expect(within(panel('Memory')).getByRole('button', { name: /^mitigated at 12:00/ })).toHaveAttribute('aria-pressed', 'true'));
  }, COLD_START_TIMEOUT_MS);
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { demoBootData } from '../../test/bootFixture';
import { renderWithProviders } from '../../test/renderWithProviders';
import { TimeRangeProvider } from '../dashboard';
import { resolveTimezone } from '../time';
import { EMPTY_VIEW_STATE, setRange, type ViewState } from '../url';
import { CompactHeader, compactRangeLabel } from './CompactHeader';
import type { HistoryMode } from './useViewState';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FROM = Date.UTC(2024, 0, 15, 9);
const TO = Date.UTC(2024, 0, 15, 13, 30);
const dashboard = demoBootData().dashboards[0]!;

/** The header over a view held in state, as App holds it; every change is recorded with its history mode. */
function openHeader(initial: Partial<ViewState> = {}, selectionSummary?: string) {
  const changes: { view: ViewState; mode: HistoryMode }[] = [];
  function Page() {
    const [view, setViewState] = useState<ViewState>({ ...EMPTY_VIEW_STATE, range: { from: String(FROM), to: String(TO) }, ...initial });
    const setView = (next: ViewState, mode: HistoryMode) => {
      changes.push({ view: next, mode });
      setViewState(next);
    };
    return (
      <TimeRangeProvider
        range={view.range ?? { from: 'now-1h', to: 'now' }}
        fallbackRange={{ from: 'now-1h', to: 'now' }}
        timezone={resolveTimezone(view.timezone ?? 'UTC')}
        refreshMs={view.refresh}
        onRangeChange={(range) => setView(setRange(view, range), 'push')}
      >
        <CompactHeader title="vigil" dashboards={[dashboard]} dashboard={dashboard} view={view} setView={setView} demo selectionSummary={selectionSummary}>
          <fieldset>
            <legend>Instance</legend>
          </fieldset>
        </CompactHeader>
      </TimeRangeProvider>
    );
  }
  renderWithProviders(<Page />);
  return changes;
}

describe('compactRangeLabel', () => {
  it.each([
    ['a range within one day', FROM, TO, 'UTC', '01-15 09:00–13:30'],
    ['the same range in Tokyo', FROM, TO, 'Asia/Tokyo', '01-15 18:00–22:30'],
    ['a range across midnight', Date.UTC(2024, 0, 14, 20), Date.UTC(2024, 0, 15, 8), 'UTC', '01-14 20:00 – 01-15 08:00'],
  ])('%s', (_name, start, end, tz, expected) => {
    expect(compactRangeLabel(start, end, tz)).toBe(expected);
  });
});

describe('the compact header', () => {
  it('shows the range, the timezone and a menu; the other controls wait in the menu', async () => {
    const user = userEvent.setup();
    openHeader({}, 'Instance: web-2');
    const range = screen.getByRole('combobox', { name: 'Time range' });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent('01-15 09:00–13:30');
    expect(screen.getByRole('combobox', { name: 'Timezone' })).toHaveValue('UTC');
    expect(screen.getByText('Instance: web-2')).toBeVisible();
    for (const name of ['Zoom out', 'Refresh', 'Share', 'Kiosk', 'Import postmortem']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Instance' })).toBeNull();

    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    const controls = screen.getByRole('group', { name: 'More controls' });
    for (const name of ['Zoom out', 'Refresh', 'Share', 'Kiosk', 'Import postmortem', 'Apply']) expect(within(controls).getByRole('button', { name })).toBeVisible();
    expect(within(controls).getByRole('group', { name: 'Instance' })).toBeVisible();
    expect(within(controls).getByLabelText('From')).toHaveValue('2024-01-15 09:00:00');

    // Escape shuts it and gives the focus back to the Menu button.
    await user.click(within(controls).getByLabelText('From'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'More controls' })).toBeNull();
    expect(menu).toHaveFocus();
  });

  it('changes the view through the same named changes as the desktop: timezone, preset, typed range, kiosk', async () => {
    const user = userEvent.setup();
    const changes = openHeader({ timezone: 'Asia/Tokyo' });
    const range = screen.getByRole('combobox', { name: 'Time range' });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent('01-15 18:00–22:30');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Timezone' }), 'UTC');
    expect(changes.at(-1)).toMatchObject({ view: { timezone: 'UTC' }, mode: 'push' });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent('01-15 09:00–13:30');

    await user.selectOptions(range, 'Last 1 hour');
    expect(changes.at(-1)?.view.range).toEqual({ from: 'now-1h', to: 'now' });

    await user.click(screen.getByRole('button', { name: 'Menu' }));
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2024-01-15 10:00');
    const to = screen.getByLabelText('To');
    await user.clear(to);
    await user.type(to, '2024-01-15 11:00');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(changes.at(-1)?.view.range).toEqual({ from: String(Date.UTC(2024, 0, 15, 10)), to: String(Date.UTC(2024, 0, 15, 11)) });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent('01-15 10:00–11:00');

    await user.click(screen.getByRole('button', { name: 'Kiosk' }));
    expect(changes.at(-1)?.view.kiosk).toBe(true);
  });
});

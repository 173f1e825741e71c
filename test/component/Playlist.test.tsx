import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import type { BootData } from '../../src/app/boot';
import { demoBootData } from '../bootFixture';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Only intervals are faked: the playlist rotates on setInterval, while MSW, TanStack Query and
// Testing Library keep their real setTimeout.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function kioskRange(): string {
  const text = document.querySelector('.kiosk-header .kiosk-range')?.textContent;
  if (text == null) throw new Error('no kiosk header range');
  return text;
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** The demo, with a second dashboard (same panels, another title) to rotate to. */
function bootWithTwoDashboards(): BootData {
  const boot = demoBootData();
  const first = boot.dashboards[0];
  if (!first) throw new Error('the demo has a dashboard');
  return { ...boot, dashboards: [first, { ...first, id: 'webapp-night', title: 'webapp — night shift' }] };
}

describe('a kiosk playlist', () => {
  it('rotates the time range through its items, every interval, and starts over', () => {
    openApp('?v=1&kiosk&playlist=5s&playlist-item=now-1h&playlist-item=now-6h');
    expect(screen.queryByLabelText('Time range')).toBeNull();
    expect(kioskRange()).toBe('now-1h → now (UTC)');
    advance(4_900);
    expect(kioskRange()).toBe('now-1h → now (UTC)');
    advance(100);
    expect(kioskRange()).toBe('now-6h → now (UTC)');
    expect(window.location.search).toContain('from=now-6h&to=now');
    // The playlist itself stays in the URL, so a reload keeps rotating.
    expect(window.location.search).toContain('playlist=5s&playlist-item=now-1h&playlist-item=now-6h');
    advance(5_000);
    expect(kioskRange()).toBe('now-1h → now (UTC)');
  });

  it('rotates through dashboards named as items', () => {
    openApp('?v=1&kiosk&playlist=5s&playlist-item=webapp-incident&playlist-item=webapp-night', bootWithTwoDashboards());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('webapp — memory leak watch');
    advance(5_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('webapp — night shift');
    expect(window.location.search).toContain('d=webapp-night');
  });

  it('keeps what the viewer changed on the wall (a hidden series) when it moves to the next item', async () => {
    const user = userEvent.setup();
    openApp('?v=1&kiosk&playlist=5s&playlist-item=webapp-incident&playlist-item=webapp-night', bootWithTwoDashboards());
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await user.keyboard('{Control>}');
    await user.click(within(memory).getByRole('button', { name: 'web-2' }));
    await user.keyboard('{/Control}');
    expect(drawnLines(memory)).toHaveLength(2);
    expect(window.location.search).toContain('hide=memory:web-2');

    advance(5_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('webapp — night shift');
    expect(window.location.search).toContain('hide=memory:web-2');
    expect(within(panel('Memory')).getByRole('button', { name: 'web-2' })).toHaveAttribute('aria-pressed', 'false');
  }, COLD_START_TIMEOUT_MS);
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { useAutoRefresh } from '../dashboard/useAutoRefresh';
import { usePlaylist } from './usePlaylist';

const DAY = 86_400_000;

function withQueryClient({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

// Issue 14, row 2: a timer asked to wait longer than 2^31−1 ms fires at once, every time.
describe('timers given an interval longer than a timer can hold', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('auto-refresh waits instead of refreshing in a loop', () => {
    const onNow = vi.fn();
    renderHook(() => useAutoRefresh({ intervalMs: 25 * DAY, relative: true, setNow: onNow }), { wrapper: withQueryClient });
    vi.advanceTimersByTime(5_000);
    expect(onNow).not.toHaveBeenCalled();
  });

  it('auto-refresh never ticks faster than once a second', () => {
    const onNow = vi.fn();
    renderHook(() => useAutoRefresh({ intervalMs: -5, relative: true, setNow: onNow }), { wrapper: withQueryClient });
    vi.advanceTimersByTime(5_000);
    expect(onNow).toHaveBeenCalledTimes(5);
  });

  it('a playlist stays on its first item instead of rotating in a loop', () => {
    const onItem = vi.fn();
    renderHook(() => usePlaylist({ intervalMs: 25 * DAY, items: ['now-1h', 'now-6h'] }, onItem));
    vi.advanceTimersByTime(5_000);
    expect(onItem.mock.calls).toEqual([['now-1h']]);
  });
});

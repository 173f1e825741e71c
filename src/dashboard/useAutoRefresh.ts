import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { timerDelay } from '../time';
import { refreshPanels } from './refreshPolicy';

interface Options {
  readonly intervalMs: number | undefined;
  readonly relative: boolean;
  readonly setNow: (now: number) => void;
}

/**
 * Auto-refresh for walls and investigations alike: one `refreshPanels` per interval. Ticks are
 * skipped while the tab is hidden, and one comes at once when it is shown again.
 */
export function useAutoRefresh({ intervalMs, relative, setNow }: Options): void {
  const queryClient = useQueryClient();
  const setNowRef = useRef(setNow);
  useEffect(() => {
    setNowRef.current = setNow;
  }, [setNow]);

  useEffect(() => {
    if (!intervalMs) return;
    const tick = () => {
      if (document.visibilityState === 'hidden') return;
      refreshPanels(queryClient, { relative, trigger: 'tick', setNow: (now) => setNowRef.current(now) });
    };
    // The decoder refuses such intervals; bounded here too, since a longer one fires at once.
    const timer = setInterval(tick, timerDelay(intervalMs, 1000));
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs, relative, queryClient]);
}

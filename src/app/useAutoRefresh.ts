import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

interface Options {
  readonly intervalMs: number | undefined;
  /** A relative range moves with time: each tick resolves a new "now" shared by every panel. */
  readonly relative: boolean;
  readonly onNow: (now: number) => void;
}

const PROMETHEUS_KEY = ['prometheus'] as const;

/**
 * Auto-refresh for walls and investigations alike. A tick is skipped while any query is still in
 * flight (a slow server is not asked again before it answers) and while the tab is hidden; keys no
 * panel observes any more are dropped each tick, so weeks of ticks with ever-new absolute keys
 * keep the cache flat (grafana/grafana#35987 is what happens otherwise).
 */
export function useAutoRefresh({ intervalMs, relative, onNow }: Options): void {
  const queryClient = useQueryClient();
  const onNowRef = useRef(onNow);
  useEffect(() => {
    onNowRef.current = onNow;
  }, [onNow]);

  useEffect(() => {
    if (!intervalMs) return;
    const tick = () => {
      if (document.visibilityState === 'hidden') return;
      if (queryClient.isFetching({ queryKey: PROMETHEUS_KEY }) > 0) return;
      queryClient.removeQueries({ queryKey: PROMETHEUS_KEY, type: 'inactive' });
      if (relative) onNowRef.current(Date.now());
      else void queryClient.invalidateQueries({ queryKey: PROMETHEUS_KEY, refetchType: 'active' });
    };
    const timer = setInterval(tick, intervalMs);
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

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { timerDelay } from '../time';

interface Options {
  readonly intervalMs: number | undefined;
  /** A relative range moves with time: each tick resolves a new "now" shared by every panel. */
  readonly relative: boolean;
  readonly onNow: (now: number) => void;
}

const PROMETHEUS_KEY = ['prometheus'] as const;

/**
 * Auto-refresh for walls and investigations alike. Ticks are skipped while the tab is hidden; keys
 * no panel observes any more are dropped each tick, so weeks of ticks with ever-new absolute keys
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
      queryClient.removeQueries({ queryKey: PROMETHEUS_KEY, type: 'inactive' });
      // Each panel holds its own range while its queries are in flight (see DashboardPanel), and
      // an in-flight query is not cancelled and re-sent: a slow panel holds back only itself.
      if (relative) onNowRef.current(Date.now());
      else void queryClient.invalidateQueries({ queryKey: PROMETHEUS_KEY, refetchType: 'active' }, { cancelRefetch: false });
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

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isRelative, resolveRange, type TimeRange, HOUR_MS } from '../time';
import { refreshPanels } from './refreshPolicy';
import { useAutoRefresh } from './useAutoRefresh';

/** What every panel and header of a dashboard shares about time (Perses: TimeRangeProvider). */
export interface DashboardTime {
  /** The range as chosen: relative (`now-6h`) or absolute. */
  readonly range: TimeRange;
  /** The range resolved to epoch ms, once per tick, so every panel shows the same window. */
  readonly start: number;
  readonly end: number;
  /** The present the range was last resolved against (each refresh tick): open incidents are shaded up to it. */
  readonly now: number;
  /** An IANA zone or 'UTC', already resolved from 'browser'. */
  readonly timezone: string;
  readonly refreshMs: number | undefined;
  readonly relative: boolean;
  /** A new range (written to the view by the owner), resolved against a fresh "now". */
  readonly setRange: (range: TimeRange) => void;
  /** The Refresh button: a relative range moves to the present, an absolute one is asked again. */
  readonly refreshNow: () => void;
  /** Resolves "now" again without asking absolute ranges again (a playlist step). */
  readonly resolveNow: () => void;
}

const TimeContext = createContext<DashboardTime | null>(null);

interface Props {
  readonly range: TimeRange;
  /** Used when `range` cannot be resolved (a link can carry anything the decoder let through). */
  readonly fallbackRange: TimeRange;
  readonly timezone: string;
  readonly refreshMs: number | undefined;
  readonly onRangeChange: (range: TimeRange) => void;
  readonly children: ReactNode;
}

/**
 * Resolves the range once per tick for the whole dashboard and owns the refresh clock, so the
 * resolved range, timezone and refresh reach panels through `useTimeRange()` instead of props.
 */
export function TimeRangeProvider({ range, fallbackRange, timezone, refreshMs, onRangeChange, children }: Props) {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  const relative = isRelative(range);
  useAutoRefresh({ intervalMs: refreshMs, relative, setNow });

  const resolved = resolveRange(range, now, timezone) ?? resolveRange(fallbackRange, now, timezone) ?? { start: now - HOUR_MS, end: now };
  const setRange = useCallback(
    (next: TimeRange) => {
      onRangeChange(next);
      setNow(Date.now());
    },
    [onRangeChange],
  );
  const refreshNow = useCallback(() => refreshPanels(queryClient, { relative, trigger: 'click', setNow }), [queryClient, relative]);
  const resolveNow = useCallback(() => setNow(Date.now()), []);

  const value = useMemo<DashboardTime>(
    () => ({ range, start: resolved.start, end: resolved.end, now, timezone, refreshMs, relative, setRange, refreshNow, resolveNow }),
    [range, resolved.start, resolved.end, now, timezone, refreshMs, relative, setRange, refreshNow, resolveNow],
  );
  return <TimeContext.Provider value={value}>{children}</TimeContext.Provider>;
}

export function useTimeRange(): DashboardTime {
  const value = useContext(TimeContext);
  if (!value) throw new Error('useTimeRange() is used outside a <TimeRangeProvider>');
  return value;
}

/** Whether the range moves with time (relative): false outside a provider. */
export function useRangeMoves(): boolean {
  return useContext(TimeContext)?.relative ?? false;
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the cursor rests before the tables ask for values there: a sweep across a graph asks nothing. */
export const CURSOR_SETTLE_MS = 300;

/**
 * The time the cursor last rested at on any graph, to whole seconds (so nearby rests ask the same
 * question), kept after the cursor leaves the graph so the table beside it can be read.
 */
export function useSettledCursor() {
  const [time, setTime] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const report = useCallback((at: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTime(Math.round(at / 1000) * 1000), CURSOR_SETTLE_MS);
  }, []);
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setTime(null);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { time, report, clear };
}

import { useCallback, useEffect, useRef } from 'react';

/** How long the cursor rests before the tables ask for values there: a sweep across a graph asks nothing. */
export const CURSOR_SETTLE_MS = 300;

/**
 * Reports the time the cursor last rested at on any graph to `onSettle` (which keeps it in the
 * URL, so a link shows the same values), once it has rested CURSOR_SETTLE_MS; the time stays after
 * the cursor leaves the graph so the table beside it can be read.
 */
export function useSettledCursor(onSettle: (time: number) => void): (at: number) => void {
  // The latest callback, so a rest that settles after the view changed does not write an old view.
  const latest = useRef(onSettle);
  useEffect(() => {
    latest.current = onSettle;
  }, [onSettle]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback((at: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(at), CURSOR_SETTLE_MS);
  }, []);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** When any panel last received fresh data from the server (epoch ms), for "updated N s ago". */
export function useLastUpdate(): number | null {
  const queryClient = useQueryClient();
  const [last, setLast] = useState<number | null>(null);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success' && event.query.queryKey[0] === 'prometheus') {
          setLast(event.query.state.dataUpdatedAt);
        }
      }),
    [queryClient],
  );
  return last;
}

/** The current time, re-read every `intervalMs`; only the component using it re-renders. */
export function useClock(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

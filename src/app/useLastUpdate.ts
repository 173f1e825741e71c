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

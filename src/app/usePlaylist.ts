import { useEffect, useRef } from 'react';
import { timerDelay } from '../time';
import type { ViewPlaylist } from '../url';

/**
 * Rotates through dashboards or time ranges every interval, like Grafana playlists. Items that name
 * a known dashboard switch the dashboard; the others (e.g. 'now-1h') are relative ranges ending now.
 */
export function usePlaylist(playlist: ViewPlaylist | undefined, onItem: (item: string) => void): void {
  const onItemRef = useRef(onItem);
  useEffect(() => {
    onItemRef.current = onItem;
  }, [onItem]);
  const items = playlist?.items.join('\n') ?? '';
  const intervalMs = playlist?.intervalMs ?? 0;
  useEffect(() => {
    const list = items ? items.split('\n') : [];
    if (list.length === 0 || intervalMs <= 0) return;
    let index = 0;
    onItemRef.current(list[0] as string);
    const timer = setInterval(() => {
      index = (index + 1) % list.length;
      onItemRef.current(list[index] as string);
    }, timerDelay(intervalMs, 1000));
    return () => clearInterval(timer);
  }, [items, intervalMs]);
}

import { useCallback, useSyncExternalStore } from 'react';

/**
 * Below this width the desktop's row of controls wraps into a wall above the charts (a phone, a
 * 768 px tablet, a narrow window): the page shows the compact bar instead. Kept in step with the
 * `@media` rules of styles.css that use the same width.
 */
export const COMPACT_LAYOUT_QUERY = '(max-width: 900px)';

/** Whether `query` matches now, following changes; false where matchMedia does not exist (tests, old engines). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  return useSyncExternalStore(subscribe, matches, () => false);
}

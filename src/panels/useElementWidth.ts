import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Rounded to 10 px so that sub-pixel layout jitter does not change the query step (and key). */
function roundedWidth(px: number): number {
  return Math.round(px / 10) * 10;
}

/** The element's content width now, as a ResizeObserver's contentRect would give it (0 when unknown). */
function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return element.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
}

/**
 * Width of an element in CSS pixels, following resizes, and whether it has been measured yet.
 * The first measurement happens in a layout effect, before the first paint and before any passive
 * effect (a query's subscription) runs with the fallback: a panel that waited for the observer's
 * first callback (a frame later) asked its queries at the fallback's step first, then again at the
 * real one — two round trips before its first draw. Where nothing can be measured (no layout, as in
 * jsdom) the fallback counts as measured.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [state, setState] = useState({ width: fallback, measured: false });
  useLayoutEffect(() => {
    const element = ref.current;
    const measured = element ? contentWidth(element) : 0;
    setState({ width: measured > 0 ? roundedWidth(measured) : fallback, measured: true });
    // Only the first measurement: the observer follows the resizes.
  }, [fallback]);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width ?? 0;
      if (measured > 0) setState((current) => (current.width === roundedWidth(measured) && current.measured ? current : { width: roundedWidth(measured), measured: true }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, state.width, state.measured] as const;
}

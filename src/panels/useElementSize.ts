import { useEffect, useRef, useState } from 'react';

export interface ElementSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Size of an element in whole CSS pixels, following resizes: for a chart that fills the space its
 * layout gives it (the kiosk grid) instead of asking for one. The element must not take its size
 * from its content, or the chart and the measurement would chase each other.
 */
export function useElementSize<T extends HTMLElement>(fallback: ElementSize, enabled = true) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect || rect.width <= 0 || rect.height <= 0) return;
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
      setSize((current) => (current.width === next.width && current.height === next.height ? current : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return [ref, size] as const;
}

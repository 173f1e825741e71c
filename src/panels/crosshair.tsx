import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';

/** Where the cursor is: a time every panel marks, and the panel the pointer is over. */
export interface CrosshairPoint {
  readonly time: number;
  /** The panel whose chart the pointer (or finger) is on. */
  readonly source: string;
  /** A tap: the values stay until the next tap elsewhere. */
  readonly pinned: boolean;
}

/**
 * A tiny external store rather than React state: a pointer move must redraw only the crosshair
 * lines and the value readouts of every panel, never the panels themselves (their paths, axes and
 * legends). Components read it through `useCrosshair` with a selector, so each re-renders only when
 * the part it shows changes. Transient by design: it never reaches the URL.
 */
export interface CrosshairStore {
  get(): CrosshairPoint | null;
  set(point: CrosshairPoint | null): void;
  subscribe(listener: () => void): () => void;
}

export function createCrosshairStore(): CrosshairStore {
  let point: CrosshairPoint | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => point,
    set(next) {
      if (next === point || (next && point && next.time === point.time && next.source === point.source && next.pinned === point.pinned)) return;
      point = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const CrosshairContext = createContext<CrosshairStore | null>(null);

/** Every panel inside shares one cursor time (a dashboard). */
export function CrosshairProvider({ children }: { readonly children: ReactNode }) {
  const [store] = useState(createCrosshairStore);
  return <CrosshairContext.Provider value={store}>{children}</CrosshairContext.Provider>;
}

/** The shared store, or one of this panel's own when no provider encloses it (a panel alone). */
export function useCrosshairStore(): CrosshairStore {
  const shared = useContext(CrosshairContext);
  const [own] = useState(createCrosshairStore);
  return shared ?? own;
}

/** A part of the cursor state; `select` must return a primitive or the point itself. */
export function useCrosshair<T>(store: CrosshairStore, select: (point: CrosshairPoint | null) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

const timeOf = (point: CrosshairPoint | null) => point?.time ?? null;

/** The time every panel marks, or null. */
export function useCrosshairTime(store: CrosshairStore): number | null {
  return useCrosshair(store, timeOf);
}

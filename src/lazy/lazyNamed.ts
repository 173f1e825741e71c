import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
type AnyComponent = ComponentType<any>;

/**
 * A named export as a component loaded on first render, in a chunk of its own: what the first
 * paint does not show (inspector, import, Explore…) stays out of the first load. Render it inside
 * a <Suspense>.
 */
export function lazyNamed<Module extends Record<Name, AnyComponent>, Name extends keyof Module>(load: () => Promise<Module>, name: Name): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

import type { Labels } from './types';

/**
 * Prometheus's labels.Compare: label pairs in name order, compared name then value, then the
 * shorter set first. Prometheus already sorts matrices this way; VictoriaMetrics may not.
 */
export function compareLabels(a: Labels, b: Labels): number {
  const aNames = Object.keys(a).sort();
  const bNames = Object.keys(b).sort();
  const shared = Math.min(aNames.length, bNames.length);
  for (let i = 0; i < shared; i++) {
    const aName = aNames[i] as string;
    const bName = bNames[i] as string;
    if (aName !== bName) return aName < bName ? -1 : 1;
    const aValue = a[aName] as string;
    const bValue = b[bName] as string;
    if (aValue !== bValue) return aValue < bValue ? -1 : 1;
  }
  return aNames.length - bNames.length;
}

/** One string per label set, whatever order its names came in: the identity of a series. */
export function labelsIdentity(labels: Labels): string {
  return JSON.stringify(Object.keys(labels).sort().map((name) => [name, labels[name]]));
}

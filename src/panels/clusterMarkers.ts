/** Markers drawn as one mark because they are too close to label, or to tap, one by one. */
export interface MarkerCluster<M> {
  /** Stable while the same markers fall together: the first member's key and the count. */
  readonly key: string;
  /** Where the mark is drawn: the first member's x. */
  readonly x: number;
  /** The last member's x; the members span [x, xEnd]. */
  readonly xEnd: number;
  /** In time order; never empty. */
  readonly markers: readonly M[];
}

/** Pixels between two marks for each to be labelled and tapped on its own (a 44 px touch target). */
export const MARKER_MIN_GAP_PX = 44;

/**
 * Groups markers, in time order, so that every mark is at least `minGapPx` right of the previous
 * one: a marker joins the current cluster while it lies less than `minGapPx` from the cluster's
 * first member. Measuring from the first member (not the last) keeps a cluster narrower than the
 * gap, so evenly spaced events cannot chain into one mark across the whole chart. Markers the scale
 * cannot place (NaN, ±Infinity) are left out.
 */
export function clusterMarkers<M extends { readonly key: string; readonly time: number }>(
  markers: readonly M[],
  xOf: (time: number) => number,
  minGapPx: number,
): MarkerCluster<M>[] {
  const placed = markers
    .map((marker) => ({ marker, x: xOf(marker.time) }))
    .filter((p) => Number.isFinite(p.x))
    .sort((a, b) => a.marker.time - b.marker.time || a.x - b.x);
  const gap = Number.isFinite(minGapPx) ? Math.max(0, minGapPx) : 0;
  const clusters: { x: number; xEnd: number; markers: M[] }[] = [];
  for (const { marker, x } of placed) {
    const current = clusters[clusters.length - 1];
    if (current && x - current.x < gap) {
      current.markers.push(marker);
      current.xEnd = x;
    } else {
      clusters.push({ x, xEnd: x, markers: [marker] });
    }
  }
  return clusters.map((c) => ({ ...c, key: `${(c.markers[0] as M).key}+${c.markers.length}` }));
}

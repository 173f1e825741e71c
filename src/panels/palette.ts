import type { CSSProperties } from 'react';
import { fnv1a32, type Labels, type Series } from '../series';

// Distinguishable on dark and light backgrounds (Okabe–Ito-inspired, colour-blind safe order).
const PALETTE = ['#4e9bff', '#f5a623', '#39c28a', '#e5588f', '#a98bff', '#f2d13d', '#35c4d6', '#ff7a45'];

/** A line over all instances at once (`sum(…)`): neutral, so it reads as the whole, not one more instance. */
export const AGGREGATE_COLOR = '#8b949e';

/** Prometheus's target label: the same instance is the same machine in every panel. */
const INSTANCE_LABEL = 'instance';

export interface LineStyle {
  readonly color: string;
  /** The line has no instance label: it aggregates over instances, and is drawn dashed and thicker. */
  readonly aggregate: boolean;
  /** A "Compare to" line: the query's answer from earlier, dotted. */
  readonly earlier?: boolean;
}

/** The series' labels without its metric name, in one canonical order: what it is, whatever the query. */
function labelIdentity(labels: Labels): string {
  return Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(',');
}

/**
 * Colour and stroke for every line of one panel, from each series' identity, never its position:
 * an instance keeps its colour when another one disappears, after every refresh, and in every panel.
 *
 * - A series with an `instance` label prefers the palette colour its instance value hashes to, so
 *   web-1 is the same colour in the memory panel and in the error-rate panel.
 * - A series without one aggregates over instances: dashed and thicker; with no labels at all
 *   (`sum(…)`, "all instances") it is neutral grey, else it prefers the colour of its label set.
 * - Two lines of one panel that prefer the same colour would look like one, so the panel resolves
 *   that: lines claim colours in the order of their label sets (not of the query's answer), and one
 *   whose colour is taken moves on to the next free one. Only such a line can change colour, and
 *   only when the line that took its colour first goes away; once all colours are in use, colours repeat.
 */
export function styleLines<T extends { readonly key: string; readonly series: Series }>(lines: readonly T[]): Array<T & LineStyle> {
  const claims = lines
    .map((line, index) => {
      const labels = line.series.labels;
      const instance = labels[INSTANCE_LABEL];
      const identity = labelIdentity(labels);
      const preferred = instance !== undefined ? fnv1a32(instance) : identity === '' ? undefined : fnv1a32(identity);
      return { index, order: `${identity}\u0000${line.key}`, preferred };
    })
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

  const colorOf = new Map<number, string>();
  const taken = new Set<number>();
  for (const claim of claims) {
    if (claim.preferred === undefined) continue;
    const first = claim.preferred % PALETTE.length;
    let slot = first;
    for (let step = 0; step < PALETTE.length && taken.has(slot); step++) slot = (first + step + 1) % PALETTE.length;
    if (taken.has(slot)) slot = first;
    taken.add(slot);
    colorOf.set(claim.index, PALETTE[slot] ?? AGGREGATE_COLOR);
  }
  return lines.map((line, index) => ({
    ...line,
    color: colorOf.get(index) ?? AGGREGATE_COLOR,
    aggregate: line.series.labels[INSTANCE_LABEL] === undefined,
  }));
}

/** The legend's and tooltip's sample of a line: dashed where the line is. */
export function swatchStyle(style: LineStyle): CSSProperties {
  if (style.earlier) return { background: `repeating-linear-gradient(90deg, ${style.color} 0 2px, transparent 2px 4px)`, opacity: 0.7 };
  return style.aggregate
    ? { background: `repeating-linear-gradient(90deg, ${style.color} 0 4px, transparent 4px 6px)` }
    : { background: style.color };
}

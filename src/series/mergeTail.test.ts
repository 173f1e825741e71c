import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLabels, labelsIdentity } from './labels';
import { mergeTail } from './mergeTail';
import type { Labels, Series } from './types';

/** A server's samples on one evaluation grid: series identity → (grid index → value). */
type ServerData = Map<string, { labels: Labels; samples: Map<number, number> }>;

const LABEL_POOL: readonly Labels[] = [
  { __name__: 'up', job: 'api', instance: 'a:9100' },
  { __name__: 'up', job: 'api', instance: 'b:9100' },
  { __name__: 'up', job: 'db' },
  { job: 'api' },
  { instance: 'a:9100', job: 'api' },
  {},
];

/** What a range query of [from, to] (grid indices, inclusive) answers: Prometheus's shape. */
function fullFetch(server: ServerData, from: number, to: number, step: number): Series[] {
  const out: Series[] = [];
  for (const { labels, samples } of server.values()) {
    const indices = [...samples.keys()].filter((i) => i >= from && i <= to).sort((a, b) => a - b);
    if (indices.length === 0) continue;
    out.push({ labels, timestamps: indices.map((i) => i * step), values: indices.map((i) => samples.get(i) as number) });
  }
  return out.sort((a, b) => compareLabels(a.labels, b.labels));
}

function serverOf(samples: readonly (readonly [number, number, number])[], keep: (index: number) => boolean, into: ServerData = new Map()): ServerData {
  for (const [labelIndex, index, value] of samples) {
    if (!keep(index)) continue;
    const labels = LABEL_POOL[labelIndex] as Labels;
    const identity = labelsIdentity(labels);
    const entry = into.get(identity) ?? { labels, samples: new Map<number, number>() };
    entry.samples.set(index, value);
    into.set(identity, entry);
  }
  return into;
}

const GRID = 120;
// Values as Prometheus sends them: NaN, ±Inf and ordinary floats; a stale series simply stops.
const sample = fc.tuple(
  fc.integer({ min: 0, max: LABEL_POOL.length - 1 }),
  fc.integer({ min: 0, max: GRID }),
  fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0)),
);

describe('mergeTail', () => {
  it('property: held window + fetched tail = a full fetch of the new window, late samples included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1_000, 10_000, 15_000, 60_000),
        fc.array(sample, { maxLength: 300 }),
        fc.array(sample, { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: GRID }), { minLength: 5, maxLength: 5 }),
        (step, before, late, cuts) => {
          // heldStart ≤ newStart ≤ tailFrom ≤ heldEnd ≤ newEnd, and samples from `complete` on may change.
          const [heldStart, newStart, tailFrom, heldEnd, newEnd] = [...cuts].sort((a, b) => a - b) as [number, number, number, number, number];
          const complete = tailFrom + Math.floor((GRID - tailFrom) / 2);
          const atFirstFetch = serverOf(before, () => true);
          // Later: what was complete is unchanged; the rest was rewritten (late scrapes, new and gone series).
          const atTailFetch = serverOf(late, (i) => i >= complete, serverOf(before, (i) => i < complete));
          const held = fullFetch(atFirstFetch, heldStart, heldEnd, step);
          const tail = fullFetch(atTailFetch, tailFrom, newEnd, step);
          const merged = mergeTail(held, tail, { start: newStart * step, end: newEnd * step }, tailFrom * step);
          expect(merged).toEqual(fullFetch(atTailFetch, newStart, newEnd, step));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops what scrolled out, replaces the overlap, adds a new series and drops one that left', () => {
    const step = 10;
    const held: Series[] = [
      { labels: { job: 'a' }, timestamps: [0, 10, 20, 30], values: [1, 2, 3, 4] },
      { labels: { job: 'gone' }, timestamps: [0, 10], values: [5, 6] },
    ];
    const tail: Series[] = [
      { labels: { job: 'a' }, timestamps: [20, 30, 40], values: [30, NaN, 40] },
      { labels: { job: 'new' }, timestamps: [40], values: [7] },
    ];
    expect(mergeTail(held, tail, { start: 2 * step, end: 4 * step }, 2 * step)).toEqual([
      { labels: { job: 'a' }, timestamps: [20, 30, 40], values: [30, NaN, 40] },
      { labels: { job: 'new' }, timestamps: [40], values: [7] },
    ]);
    expect(mergeTail(held, tail, { start: step, end: 4 * step }, 3 * step)).toEqual([
      { labels: { job: 'a' }, timestamps: [10, 20, 30, 40], values: [2, 3, NaN, 40] },
      { labels: { job: 'gone' }, timestamps: [10], values: [6] },
      { labels: { job: 'new' }, timestamps: [40], values: [7] },
    ]);
  });

  it('keeps a series held whole as the same object (nothing to copy)', () => {
    const series: Series = { labels: { job: 'a' }, timestamps: [10, 20], values: [1, 2] };
    expect(mergeTail([series], [], { start: 10, end: 40 }, 30)[0]).toBe(series);
  });
});

import fc from 'fast-check';
import { drawnValueRange, m4, nearestIndex, pixelColumns, seriesName, seriesStats, toSvgPath, type PathPoints } from './downsample';

/** The used part of a PathPoints as [t, v] pairs; breaks as [t, NaN]. */
function pairs(p: PathPoints): [number, number][] {
  return Array.from({ length: p.length }, (_, i) => [p.xs[i] ?? -1, p.ys[i] ?? -1]);
}

function points(...xy: [number, number][]): PathPoints {
  return {
    xs: Float64Array.from(xy.map(([x]) => x)),
    ys: Float64Array.from(xy.map(([, y]) => y)),
    length: xy.length,
  };
}

describe('m4', () => {
  // 10 px over [0, 100): column k holds t in [10k, 10k + 10).
  const base = { start: 0, end: 100, widthPx: 10, gapMs: Infinity };

  it.each<[string, number[], number[], Partial<typeof base>, [number, number][]]>([
    ['keeps first, min, max, last of a column, in time order', [0, 2, 4, 6, 8], [5, 9, 1, 7, 6], {}, [[0, 5], [2, 9], [4, 1], [8, 6]]],
    ['min before max', [0, 2, 4, 6, 8], [5, 1, 3, 9, 6], {}, [[0, 5], [2, 1], [6, 9], [8, 6]]],
    ['first is the min, last is the max: two points', [0, 2, 4, 6, 8], [1, 3, 2, 4, 5], {}, [[0, 1], [8, 5]]],
    ['one point per column stays as is', [0, 10, 20], [1, 2, 3], {}, [[0, 1], [10, 2], [20, 3]]],
    ['NaN breaks the line', [0, 10, 20, 30], [1, NaN, 3, 4], {}, [[0, 1], [10, NaN], [20, 3], [30, 4]]],
    ['+Inf and -Inf break it too', [0, 10, 20, 30], [1, Infinity, -Infinity, 4], {}, [[0, 1], [10, NaN], [30, 4]]],
    ['NaN inside a column splits the column', [0, 2, 4, 6], [1, 2, NaN, 3], {}, [[0, 1], [2, 2], [4, NaN], [6, 3]]],
    ['leading and trailing NaN make no break', [0, 10, 20, 30], [NaN, 2, 3, NaN], {}, [[10, 2], [20, 3]]],
    ['a gap longer than gapMs breaks the line', [0, 10, 40, 50], [1, 2, 3, 4], { gapMs: 15 }, [[0, 1], [10, 2], [10, NaN], [40, 3], [50, 4]]],
    ['a gap of exactly gapMs does not', [0, 15, 30], [1, 2, 3], { gapMs: 15 }, [[0, 1], [15, 2], [30, 3]]],
    [
      'keeps one neighbour outside each edge',
      [-30, -20, -10, 50, 110, 120],
      [1, 2, 3, 4, 5, 6],
      {},
      [[-10, 3], [50, 4], [110, 5]],
    ],
    ['the end instant belongs to the last column', [95, 100], [1, 2], { widthPx: 10 }, [[95, 1], [100, 2]]],
    ['nothing in range but neighbours', [-10, 110], [1, 2], {}, [[-10, 1], [110, 2]]],
    ['empty', [], [], {}, []],
    ['empty range', [0, 10], [1, 2], { end: 0 }, []],
  ])('%s', (_label, timestamps, values, overrides, expected) => {
    expect(pairs(m4({ ...base, ...overrides, timestamps, values }))).toEqual(expected);
  });

  it('reduces 11,000 samples to at most 4 per column', () => {
    const timestamps = Array.from({ length: 11_000 }, (_, i) => i * 1000);
    const values = timestamps.map((t) => Math.sin(t / 7e5) * 100 + ((t / 1000) % 13));
    const out = m4({ timestamps, values, start: 0, end: 11_000_000, widthPx: 1200, gapMs: 2000 });
    expect(out.length).toBeLessThanOrEqual(4 * 1200);
    expect(out.length).toBeGreaterThan(1200);
  });

  const sampleArb = fc
    .record({
      steps: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 300 }),
      firstT: fc.integer({ min: -200, max: 200 }),
      values: fc.array(
        fc.oneof(
          { weight: 10, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
          { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
        ),
        { minLength: 300, maxLength: 300 },
      ),
      start: fc.integer({ min: -100, max: 1000 }),
      span: fc.integer({ min: 1, max: 8000 }),
      widthPx: fc.integer({ min: 1, max: 60 }),
      gapMs: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(Infinity)),
    })
    .map(({ steps, firstT, values, start, span, widthPx, gapMs }) => {
      const timestamps: number[] = [];
      let t = firstT;
      for (const step of steps) timestamps.push((t += step));
      return { timestamps, values: values.slice(0, timestamps.length), start, end: start + span, widthPx, gapMs };
    });

  type Input = { timestamps: number[]; values: number[]; start: number; end: number; widthPx: number; gapMs: number };
  const columnOf = (input: Input, t: number) =>
    Math.min(input.widthPx - 1, Math.floor(((t - input.start) * input.widthPx) / (input.end - input.start)));
  const inRange = (input: Input, t: number) => t >= input.start && t <= input.end;
  /** Output points as runs of [t, v] between breaks. */
  const runsOf = (p: PathPoints) => {
    const runs: [number, number][][] = [[]];
    for (const [t, v] of pairs(p)) {
      if (Number.isNaN(v)) runs.push([]);
      else runs[runs.length - 1]?.push([t, v]);
    }
    return runs.filter((run) => run.length > 0);
  };

  /**
   * M4 written the plain way, as an oracle: samples grouped by pixel column between breaks, each
   * group kept as its first, first minimum, first maximum and last sample.
   */
  function m4Reference(input: Input): [number, number][] {
    const { timestamps: ts, values: vs, start, end, widthPx, gapMs } = input;
    const n = Math.min(ts.length, vs.length);
    if (n === 0 || !(end > start)) return [];
    const firstIn = ts.findIndex((t) => t >= start);
    const afterIn = ts.findIndex((t) => t > end);
    const first = Math.max(0, (firstIn < 0 ? n : firstIn) - 1);
    const last = Math.min(n - 1, afterIn < 0 ? n : afterIn);
    const scale = widthPx / (end - start);
    const out: [number, number][] = [];
    let group: number[] = [];
    let groupColumn = NaN;
    const close = () => {
      if (group.length === 0) return;
      const at = (i: number) => vs[i] as number;
      const min = group.reduce((a, b) => (at(b) < at(a) ? b : a));
      const max = group.reduce((a, b) => (at(b) > at(a) ? b : a));
      const kept = [...new Set([group[0] as number, min, max, group[group.length - 1] as number])].sort((a, b) => a - b);
      for (const i of kept) out.push([ts[i] as number, vs[i] as number]);
      group = [];
    };
    const lift = (t: number) => {
      close();
      if (out.length > 0 && !Number.isNaN(out[out.length - 1]?.[1])) out.push([t, NaN]);
    };
    for (let i = first; i <= last; i++) {
      const t = ts[i] as number;
      const v = vs[i] as number;
      if (i > first && t - (ts[i - 1] as number) > gapMs) lift(ts[i - 1] as number);
      if (!Number.isFinite(v)) {
        lift(t);
        continue;
      }
      const c = t < start ? -1 : t > end ? widthPx : Math.min(widthPx - 1, Math.floor((t - start) * scale));
      if (c !== groupColumn) close();
      groupColumn = c;
      group.push(i);
    }
    close();
    if (Number.isNaN(out[out.length - 1]?.[1])) out.pop();
    return out;
  }

  it('property: keeps exactly what the plain M4 keeps, from plain arrays and from the typed columns the worker sends', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        const expected = m4Reference(input);
        expect(pairs(m4(input))).toEqual(expected);
        const typed = { ...input, timestamps: Float64Array.from(input.timestamps), values: Float64Array.from(input.values) };
        expect(pairs(m4(typed))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('property: drawnValueRange spans exactly the values m4 keeps (what the y axis was computed from)', () => {
    // Half the cases with the range inside the data, so the samples outside it are left out.
    const zoomedArb = fc.tuple(sampleArb, fc.boolean()).map(([input, zoomed]) => {
      if (!zoomed || input.timestamps.length < 4) return input;
      const ts = input.timestamps;
      const start = ts[Math.floor(ts.length / 4)] as number;
      return { ...input, start, end: Math.max(start + 1, ts[Math.floor((3 * ts.length) / 4)] as number) };
    });
    fc.assert(
      fc.property(zoomedArb, (input) => {
        const kept = pairs(m4(input))
          .map(([, v]) => v)
          .filter((v) => Number.isFinite(v));
        const range = drawnValueRange(input);
        expect(range).toEqual(kept.length === 0 ? { min: Infinity, max: -Infinity } : { min: Math.min(...kept), max: Math.max(...kept) });
        expect(drawnValueRange({ ...input, timestamps: Float64Array.from(input.timestamps), values: Float64Array.from(input.values) })).toEqual(range);
      }),
      { numRuns: 500 },
    );
  });

  it('drawnValueRange leaves out samples beyond the nearest one on each side of the range', () => {
    const input = { timestamps: [0, 10, 20, 30, 40, 50, 60], values: [-99, 5, 1, 2, 3, 7, 99], start: 25, end: 35 };
    expect(drawnValueRange(input)).toEqual({ min: 1, max: 3 });
    expect(drawnValueRange({ ...input, end: 25 })).toEqual({ min: Infinity, max: -Infinity });
  });

  it('property: the first and last sample of each pixel column between breaks are kept', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        const kept = new Set(pairs(m4(input)).map(([t, v]) => `${t} ${v}`));
        const { timestamps, values, gapMs } = input;
        let runFirst = -1;
        timestamps.forEach((t, i) => {
          const v = values[i] ?? NaN;
          const brokenBefore = i > 0 && t - (timestamps[i - 1] as number) > gapMs;
          const inColumn = Number.isFinite(v) && inRange(input, t);
          const sameColumn = runFirst >= 0 && !brokenBefore && inColumn && columnOf(input, t) === columnOf(input, timestamps[runFirst] as number);
          if (runFirst >= 0 && !sameColumn) {
            expect(kept.has(`${timestamps[runFirst]} ${values[runFirst]}`)).toBe(true);
            expect(kept.has(`${timestamps[i - 1]} ${values[i - 1]}`)).toBe(true);
            runFirst = -1;
          }
          if (inColumn && runFirst < 0) runFirst = i;
        });
        if (runFirst >= 0) expect(kept.has(`${timestamps[timestamps.length - 1]} ${values[timestamps.length - 1]}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: every output point is an input sample, in time order, with breaks only between points', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        const out = m4(input);
        const byTime = new Map(input.timestamps.map((t, i) => [t, input.values[i]]));
        const got = pairs(out);
        got.forEach(([t, v], i) => {
          if (i > 0) expect(t).toBeGreaterThanOrEqual(got[i - 1]?.[0] ?? -Infinity);
          if (!Number.isNaN(v)) expect(byTime.get(t)).toBe(v);
        });
        expect(Number.isNaN(got[0]?.[1] ?? 0)).toBe(false);
        expect(Number.isNaN(got[got.length - 1]?.[1] ?? 0)).toBe(false);
        got.forEach(([, v], i) => {
          if (i > 0 && Number.isNaN(v)) expect(Number.isNaN(got[i - 1]?.[1] ?? 0)).toBe(false);
        });
        expect(got.filter(([t, v]) => !Number.isNaN(v) && t < input.start).length).toBeLessThanOrEqual(1);
        expect(got.filter(([t, v]) => !Number.isNaN(v) && t > input.end).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the min and max of the finite values in each pixel column are kept', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        const out = pairs(m4(input)).filter(([t, v]) => !Number.isNaN(v) && inRange(input, t));
        const extremes = (samples: [number, number][]) => {
          const byColumn = new Map<number, [number, number]>();
          for (const [t, v] of samples) {
            const c = columnOf(input, t);
            const [lo, hi] = byColumn.get(c) ?? [Infinity, -Infinity];
            byColumn.set(c, [Math.min(lo, v), Math.max(hi, v)]);
          }
          return byColumn;
        };
        const finiteInput = input.timestamps
          .map((t, i): [number, number] => [t, input.values[i] ?? NaN])
          .filter(([t, v]) => Number.isFinite(v) && inRange(input, t));
        expect(extremes(out)).toEqual(extremes(finiteInput));
      }),
      { numRuns: 300 },
    );
  });

  it('property: at most 4 points per pixel column between two breaks', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        for (const run of runsOf(m4(input))) {
          const perColumn = new Map<number, number>();
          for (const [t] of run) {
            const c = t < input.start ? -1 : t > input.end ? input.widthPx : columnOf(input, t);
            perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
          }
          for (const count of perColumn.values()) expect(count).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: no drawn segment spans a non-finite sample or a gap longer than gapMs', () => {
    fc.assert(
      fc.property(sampleArb, (input) => {
        const runs = runsOf(m4(input));
        const { timestamps, values, gapMs } = input;
        const mustBreak: [number, number][] = []; // open intervals no segment may cross
        timestamps.forEach((t, i) => {
          if (!Number.isFinite(values[i] ?? NaN)) mustBreak.push([t - 1e-9, t + 1e-9]);
          const next = timestamps[i + 1];
          if (next !== undefined && next - t > gapMs) mustBreak.push([t, next]);
        });
        for (const run of runs) {
          for (let i = 1; i < run.length; i++) {
            const a = run[i - 1]?.[0] ?? 0;
            const b = run[i]?.[0] ?? 0;
            for (const [lo, hi] of mustBreak) expect(a <= lo && b >= hi).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('nearestIndex', () => {
  const ts = [0, 10, 20, 30];
  it.each<[readonly number[], number, number]>([
    [ts, -5, 0],
    [ts, 0, 0],
    [ts, 4, 0],
    [ts, 5, 0], // tie → the earlier sample
    [ts, 6, 1],
    [ts, 29, 3],
    [ts, 1000, 3],
    [[7], 1e9, 0],
    [[], 5, -1],
    [ts, NaN, -1],
  ])('%j near %d → %d', (timestamps, t, expected) => {
    expect(nearestIndex(timestamps, t)).toBe(expected);
  });

  it('property: agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), fc.integer({ min: -2e6, max: 2e6 }), (raw, t) => {
        const timestamps = [...raw].sort((a, b) => a - b);
        const i = nearestIndex(timestamps, t);
        const best = Math.min(...timestamps.map((x) => Math.abs(x - t)));
        expect(Math.abs((timestamps[i] ?? NaN) - t)).toBe(best);
      }),
    );
  });
});

describe('seriesStats', () => {
  it.each<[number[], { last: number; max: number; min: number; mean: number }]>([
    [[1, 2, 3, 6], { last: 6, max: 6, min: 1, mean: 3 }],
    [[4, NaN, -2, Infinity, 1, NaN], { last: 1, max: 4, min: -2, mean: 1 }],
    [[5], { last: 5, max: 5, min: 5, mean: 5 }],
    [[], { last: NaN, max: NaN, min: NaN, mean: NaN }],
    [[NaN, -Infinity], { last: NaN, max: NaN, min: NaN, mean: NaN }],
  ])('%j', (values, expected) => {
    expect(seriesStats(values)).toEqual(expected);
  });
});

describe('seriesName', () => {
  const labels = { __name__: 'process_resident_memory_bytes', instance: 'api-1:9100', job: 'api' };
  it.each<[Record<string, string>, string | undefined, string]>([
    [labels, undefined, 'process_resident_memory_bytes{instance="api-1:9100", job="api"}'],
    [labels, '', 'process_resident_memory_bytes{instance="api-1:9100", job="api"}'],
    [labels, '__auto', 'process_resident_memory_bytes{instance="api-1:9100", job="api"}'],
    [{ instance: 'a', job: 'b' }, undefined, '{instance="a", job="b"}'],
    [{ __name__: 'up' }, undefined, 'up{}'],
    [{}, undefined, '{}'],
    [{ path: 'say "hi"\\n' }, undefined, '{path="say \\"hi\\"\\\\n"}'],
    [labels, '{{instance}}', 'api-1:9100'],
    [labels, '{{ job }} on {{instance}}', 'api on api-1:9100'],
    [labels, '{{pod}}', 'pod'], // Grafana shows the label name when the series lacks it
    [labels, 'memory', 'memory'],
    [{ instance: '' }, '[{{instance}}]', '[]'],
  ])('%j with %j → %s', (l, legendFormat, expected) => {
    expect(seriesName(l, legendFormat)).toBe(expected);
  });
});

describe('toSvgPath', () => {
  const identity = (v: number) => v;
  it.each<[string, PathPoints, (v: number) => number, string]>([
    ['one run', points([0, 10], [5, 20], [10, 15]), identity, 'M0 10L5 20L10 15'],
    ['a break starts a new M', points([0, 1], [1, 2], [1, NaN], [3, 4], [4, 5]), identity, 'M0 1L1 2M3 4L4 5'],
    ['rounds to one decimal', points([0.04, 1.25], [2.349, 3.96]), identity, 'M0 1.3L2.3 4'],
    ['no negative zero', points([-0.01, 0], [1, 1]), identity, 'M0 0L1 1'],
    ['a lone point becomes a zero-length segment (a dot with round caps)', points([0, 1], [1, NaN], [2, 3], [3, NaN], [4, 5], [5, 6]), identity, 'M0 1L0 1M2 3L2 3M4 5L5 6'],
    ['a point the scale cannot place breaks the line', points([0, 1], [1, 2], [2, 3], [3, 4]), (v) => (v === 3 ? Infinity : v), 'M0 1L1 2M3 4L3 4'],
    ['empty', points(), identity, ''],
  ])('%s', (_label, p, yScale, expected) => {
    expect(toSvgPath(p, identity, yScale)).toBe(expected);
  });

  it('property: each coordinate reads back as the value rounded to one decimal', () => {
    const coordinate = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 2, maxLength: 20 }), (xy) => {
        const d = toSvgPath(points(...xy), identity, identity);
        const numbers = d.split(/[ML ]/).filter((n) => n !== '').map(Number);
        expect(numbers).toEqual(xy.flat().map((v) => Math.round(v * 10) / 10 || 0));
      }),
    );
  });

  /** The path as plain string building writes it: the oracle for the byte-buffer writer. */
  function svgPathReference(p: PathPoints): string {
    const coordinate = (v: number) => {
      const tenths = Math.round(v * 10);
      if (!Number.isSafeInteger(tenths)) return String(Math.round(v));
      const text = (Math.abs(tenths) / 10).toFixed(1).replace(/\.0$/, '');
      return tenths < 0 ? `-${text}` : text;
    };
    let d = '';
    let run: string[] = [];
    const close = () => {
      if (run.length === 1) d += `L${run[0]}`;
      run = [];
    };
    for (let i = 0; i < p.length; i++) {
      const x = p.xs[i] as number;
      const y = p.ys[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        close();
        continue;
      }
      const xy = `${coordinate(x)} ${coordinate(y)}`;
      d += (run.length === 0 ? 'M' : 'L') + xy;
      run.push(xy);
    }
    close();
    return d;
  }

  it('property: writes what plain string building writes, for any number a scale can give', () => {
    const anyNumber = fc.oneof(
      fc.double({ min: -2000, max: 2000 }),
      fc.integer({ min: -5000, max: 5000 }).map((n) => n / 10),
      fc.double({ noDefaultInfinity: false }),
      fc.constantFrom(NaN, Infinity, -0, 0.05, -0.05, 1e15, -1e16, 9.95, 2 ** 53),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(anyNumber, anyNumber), { maxLength: 60 }), (xy) => {
        const p = points(...xy);
        expect(toSvgPath(p, identity, identity)).toBe(svgPathReference(p));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a path longer than its first buffer', () => {
    const many = points(...Array.from({ length: 20_000 }, (_, i): [number, number] => [i, i % 2 === 0 ? -123456.7 : 98765.4]));
    const d = toSvgPath(many, identity, identity);
    expect(d).toBe(svgPathReference(many));
    expect(d.length).toBeGreaterThan(1 << 16);
  });

  it('ignores array entries past length and applies both scales', () => {
    const p = points([0, 0], [10, 1], [20, 2]);
    p.length = 2;
    expect(toSvgPath(p, (t) => t * 2, (v) => 100 - v * 10)).toBe('M0 100L20 90');
  });

  it('draws what m4 kept: one M per run', () => {
    const out = m4({ timestamps: [0, 10, 20, 30, 40], values: [1, 2, NaN, 4, 5], start: 0, end: 50, widthPx: 50, gapMs: Infinity });
    expect(toSvgPath(out, identity, identity)).toBe('M0 1L10 2M30 4L40 5');
  });
});

/** The runs of a PathPoints (split at NaN y) as [x, y] vertices, after the scales. */
function placedRuns(p: PathPoints, x: (t: number) => number, y: (v: number) => number): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p.ys[i] ?? NaN;
    const px = x(p.xs[i] ?? NaN);
    const py = y(v);
    if (Number.isNaN(v) || !Number.isFinite(px) || !Number.isFinite(py)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push([px, py]);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function distanceToSegment([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const f = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + f * dx), py - (ay + f * dy));
}

/** How far the drawn polyline `a` strays from `b`: every vertex and 8 points along every segment of `a`. */
function strayFrom(a: [number, number][], b: [number, number][]): number {
  const segments = b.length === 1 ? [[b[0], b[0]]] : b.slice(1).map((q, i) => [b[i], q]);
  const distance = (p: [number, number]) => Math.min(...segments.map(([s, e]) => distanceToSegment(p, s as [number, number], e as [number, number])));
  let worst = 0;
  a.forEach((p, i) => {
    const next = a[i + 1] ?? p;
    for (let k = 0; k < 8; k++) worst = Math.max(worst, distance([p[0] + ((next[0] - p[0]) * k) / 8, p[1] + ((next[1] - p[1]) * k) / 8]));
  });
  return worst;
}

describe('pixelColumns', () => {
  const identity = (v: number) => v;

  it.each<[string, [number, number][], [number, number][]]>([
    ['a column becomes in, min, max, out at its pixel', [[0.1, 5], [0.2, 9], [0.3, 1], [0.4, 7], [1, 6]], [[0, 5], [0, 1], [0, 9], [0, 7], [1, 6]]],
    ['entered at the min: straight to the max, then out', [[2, 1], [2.2, 3], [2.4, 9], [2.45, 4], [3, 4]], [[2, 1], [2, 9], [2, 4], [3, 4]]],
    ['left at the min: via the max', [[2, 5], [2.2, 9], [2.4, 1], [3, 4]], [[2, 5], [2, 9], [2, 1], [3, 4]]],
    ['a flat column is one point', [[0, 3], [0.2, 3], [0.4, 3]], [[0, 3]]],
    ['a break stays a break', [[0, 1], [0.2, 2], [1, NaN], [2, 3]], [[0, 1], [0, 2], [0, NaN], [2, 3]]],
    ['no break at either end', [[0, NaN], [1, 2], [2, NaN]], [[1, 2]]],
  ])('%s', (_label, input, expected) => {
    expect(pairs(pixelColumns(points(...input), identity, identity))).toEqual(expected);
  });

  it('a point the scales cannot place breaks the line, as in toSvgPath', () => {
    const out = pixelColumns(points([0, 1], [1, 2], [2, 3], [3, 4]), identity, (v) => (v === 3 ? Infinity : v));
    expect(toSvgPath(out, identity, identity)).toBe('M0 1L1 2M3 4L3 4');
  });

  it('property: draws the same picture as every point within 1 px, with at most 4 whole-pixel vertices per column and never more than it was given', () => {
    const sample = fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), sample), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (steps, pxPerMs, pxPerValue) => {
          let t = 0;
          const input = points(...steps.map(([dt, v]): [number, number] => [(t += dt), v]));
          const x = (ms: number) => 10 + ms * pxPerMs;
          const y = (v: number) => 150 - v * pxPerValue;
          const out = pixelColumns(input, x, y);
          const original = placedRuns(input, x, y);
          const drawn = placedRuns(out, identity, identity);
          expect(drawn.length).toBe(original.length);
          drawn.forEach((run, i) => {
            const before = original[i] as [number, number][];
            expect(strayFrom(run, before)).toBeLessThanOrEqual(1);
            expect(strayFrom(before, run)).toBeLessThanOrEqual(1);
            for (const [px] of run) expect(Number.isInteger(px)).toBe(true);
            const perColumn = new Map<number, number>();
            for (const [px] of run) perColumn.set(px, (perColumn.get(px) ?? 0) + 1);
            expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(4);
          });
          expect(out.length).toBeLessThanOrEqual(input.length);
        },
      ),
    );
  });
});

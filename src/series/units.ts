/**
 * - bytes: IEC (1024-based) — '512 B', '600 MiB', '1.50 GiB'
 * - percent: a value 0..100 — '60.0%'; percentunit: a ratio 0..1 — 0.6 → '60.0%'
 * - reqps: '120 req/s', '1.2K req/s'
 * - seconds: '250 ms', '1.5 s', '2 min', '1.5 h', '3 d', '2 y' (365 d)
 * - short: '1.2K', '3.4M', '5B'
 */
export type Unit = 'bytes' | 'percent' | 'percentunit' | 'reqps' | 'seconds' | 'short';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const SHORT_SUFFIXES = ['', 'K', 'M', 'B', 'T', 'Q'] as const;
const SECOND_UNITS: readonly { seconds: number; suffix: string }[] = [
  { seconds: 365 * 86_400, suffix: 'y' },
  { seconds: 86_400, suffix: 'd' },
  { seconds: 3600, suffix: 'h' },
  { seconds: 60, suffix: 'min' },
  { seconds: 1, suffix: 's' },
  { seconds: 1e-3, suffix: 'ms' },
  { seconds: 1e-6, suffix: 'µs' },
  { seconds: 1e-9, suffix: 'ns' },
];

/**
 * `x` (≥ 0) with three significant digits, or `decimals` fixed ones. `trim` drops trailing zeros:
 * bytes and percent keep them so a column of values lines up ('1.50 GiB'), counts and durations
 * read better without ('1.2K', '2 min').
 */
function significant(x: number, decimals: number | undefined, trim: boolean): string {
  if (decimals !== undefined) return x.toFixed(Math.min(100, Math.max(0, Math.floor(decimals))));
  if (x === 0) return '0';
  if (x < 1e-6 || x >= 1e21) return x.toPrecision(3);
  const magnitude = Math.floor(Math.log10(x));
  let text = x.toFixed(Math.max(0, 2 - magnitude));
  // 9.996 rounds to '10.00': one digit too many.
  if (Number(text) >= 10 ** (magnitude + 1)) text = x.toFixed(Math.max(0, 1 - magnitude));
  if (trim && text.includes('.')) text = text.replace(/\.?0+$/, '');
  return text;
}

function scaled(x: number, base: number, steps: number): [number, number] {
  let index = 0;
  while (x >= base && index < steps - 1) {
    x /= base;
    index += 1;
  }
  return [x, index];
}

function formatMagnitude(x: number, unit: Unit, decimals: number | undefined): string {
  switch (unit) {
    case 'bytes': {
      const [v, i] = scaled(x, 1024, BYTE_UNITS.length);
      return `${significant(v, decimals, false)} ${BYTE_UNITS[i]}`;
    }
    case 'percent':
      return `${significant(x, decimals, false)}%`;
    case 'percentunit':
      return `${significant(x * 100, decimals, false)}%`;
    case 'reqps':
      return `${formatMagnitude(x, 'short', decimals)} req/s`;
    case 'seconds': {
      if (x === 0) return '0 s';
      const u = SECOND_UNITS.find((candidate) => x >= candidate.seconds) ?? SECOND_UNITS[SECOND_UNITS.length - 1];
      if (!u) return `${x} s`;
      return `${significant(x / u.seconds, decimals, true)} ${u.suffix}`;
    }
    case 'short': {
      const [v, i] = scaled(x, 1000, SHORT_SUFFIXES.length);
      return `${significant(v, decimals, true)}${SHORT_SUFFIXES[i]}`;
    }
  }
}

/** A value as people read it, about three significant digits unless `decimals` is given. */
export function formatValue(value: number, unit: Unit, decimals?: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = formatMagnitude(Math.abs(value), unit, decimals);
  return value < 0 && !/^0(\.0*)?\D*$/.test(text) ? `-${text}` : text;
}

/** A step as an integer mantissa and a power of ten, so tick values come out exact (0.3, not 0.30000000000000004). */
interface DecimalStep {
  mantissa: number;
  exponent: number;
}

function decimalStepValue(s: DecimalStep): number {
  return s.exponent >= 0 ? s.mantissa * 10 ** s.exponent : s.mantissa / 10 ** -s.exponent;
}

function tickValue(s: DecimalStep, k: number): number {
  const v = s.exponent >= 0 ? k * s.mantissa * 10 ** s.exponent : (k * s.mantissa) / 10 ** -s.exponent;
  return v === 0 ? 0 : v; // no -0
}

/** 1, 2, 2.5, 5 × 10^n from the first one at least `raw`. */
function* decimalSteps(raw: number): Generator<DecimalStep> {
  let exponent = Math.floor(Math.log10(raw)) - 1;
  for (;;) {
    yield { mantissa: 1, exponent };
    yield { mantissa: 2, exponent };
    yield { mantissa: 25, exponent: exponent - 1 };
    yield { mantissa: 5, exponent };
    exponent += 1;
  }
}

/** Powers of two from 1 B, so byte ticks land on 256 MiB, 512 MiB, 1 GiB. */
function* binarySteps(raw: number): Generator<DecimalStep> {
  for (let power = Math.max(0, Math.floor(Math.log2(raw)) - 1); ; power++) yield { mantissa: 2 ** power, exponent: 0 };
}

// Rates, sizes and shares are read against zero; durations and counts may float.
const ZERO_BASED_UNITS: ReadonlySet<Unit> = new Set<Unit>(['bytes', 'percent', 'percentunit', 'reqps']);

/**
 * At most `maxTicks` evenly spaced round values and the domain they span (always containing
 * [min, max]). Non-finite bounds are ignored; min === max gets a little room around it.
 */
export function valueTicks(
  min: number,
  max: number,
  unit: Unit,
  maxTicks: number,
): { ticks: number[]; domain: [number, number] } {
  let lo = Number.isFinite(min) ? min : Number.isFinite(max) ? max : 0;
  let hi = Number.isFinite(max) ? max : lo;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (ZERO_BASED_UNITS.has(unit) && lo >= 0) lo = 0;
  if (lo === hi) {
    const room = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= lo === 0 ? 0 : room;
    hi += room;
  }
  const limit = Math.max(2, Math.floor(Number.isFinite(maxTicks) ? maxTicks : 2));
  const raw = (hi - lo) / (limit - 1);
  if (!Number.isFinite(raw) || raw <= 0) return { ticks: [lo, hi], domain: [lo, hi] };
  const steps = unit === 'bytes' && raw >= 1 ? binarySteps(raw) : decimalSteps(raw);
  for (const step of steps) {
    const size = decimalStepValue(step);
    if (size < raw) continue;
    // Past this size floor/ceil no longer change, so no larger step fits either (two ticks
    // cannot cover a range around zero with round values).
    if (size > 4 * Math.max(hi - lo, Math.abs(lo), Math.abs(hi)) || !Number.isFinite(size)) break;
    let first = Math.floor(lo / size);
    let last = Math.ceil(hi / size);
    // Division can round (or underflow) past a bound; the domain must still contain the data.
    if (tickValue(step, first) > lo) first -= 1;
    if (tickValue(step, last) < hi) last += 1;
    // A range tiny against its magnitude (1e12 … 1e12 + 1e-4) puts tick indices past 2^53, where
    // k++ no longer changes k: take a coarser step rather than loop forever.
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) continue;
    if (last - first + 1 > limit) continue;
    const ticks: number[] = [];
    for (let k = first; k <= last; k++) ticks.push(tickValue(step, k));
    return { ticks, domain: [ticks[0] ?? lo, ticks[ticks.length - 1] ?? hi] };
  }
  return { ticks: [lo, hi], domain: [lo, hi] };
}

// Decimals tried on a unit's scaled figure before falling back to the plain number.
const MAX_TICK_DECIMALS = 12;

/**
 * Labels for axis ticks, one per tick, that never print the same text for different values. Ticks
 * read as formatValue does while that tells them apart; a narrow range high above zero (Unix
 * timestamps from `time()`: 1705325400, 1705325420… all "1.71B") gets more decimals, and counts
 * (`short`) get the plain number with the decimals the step needs, as Grafana's unit "none" shows.
 */
export function tickLabels(ticks: readonly number[], unit: Unit): string[] {
  const distinct = (labels: string[]) => new Set(labels).size === new Set(ticks).size;
  const plain = ticks.map((t) => formatValue(t, unit));
  if (distinct(plain)) return plain;
  if (unit === 'short') {
    const step = Math.min(...ticks.slice(1).map((t, i) => Math.abs(t - (ticks[i] as number))).filter((d) => d > 0));
    const decimals = Number.isFinite(step) ? Math.min(20, Math.max(0, -Math.floor(Math.log10(step)))) : 0;
    const raw = ticks.map((t) => (Number.isFinite(t) ? t.toFixed(decimals) : formatValue(t, unit)));
    if (distinct(raw)) return raw;
  } else {
    for (let decimals = 1; decimals <= MAX_TICK_DECIMALS; decimals++) {
      const labels = ticks.map((t) => formatValue(t, unit, decimals));
      if (distinct(labels)) return labels;
    }
  }
  return ticks.map((t) => String(t));
}

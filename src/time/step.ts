const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a person recognises; query steps are rounded up to one of these (then to whole days). */
export const READABLE_STEPS: readonly number[] = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

const DEFAULT_WIDTH_PX = 1000;
const DEFAULT_MIN_STEP = SECOND;
/** Prometheus refuses range queries with more than 11,000 points per series. */
const DEFAULT_MAX_POINTS = 11_000;

function readableStepAtLeast(ms: number): number {
  for (const step of READABLE_STEPS) if (step >= ms) return step;
  return Math.ceil(ms / DAY) * DAY;
}

function nextReadableStep(step: number): number {
  const next = READABLE_STEPS.find((s) => s > step);
  return next ?? (Math.floor(step / DAY) + 1) * DAY;
}

/**
 * Query step (ms) for a panel: about one point per 2 px, never below `minStep`, rounded up to a
 * readable step so neighbouring widths share cache entries. Also keeps the range *after*
 * `alignRange` within `maxPoints` intervals, the limit Prometheus checks.
 */
export function stepFor(p: StepInputs): number {
  return stepFacts(p).step;
}

export interface StepInputs {
  start: number;
  end: number;
  widthPx: number;
  minStep?: number;
  maxPoints?: number;
}

/** How `stepFor` chose a step: the facts an inspector words. */
export interface StepFacts {
  readonly step: number;
  /** The plot width used (the default when the given one is unusable). */
  readonly widthPx: number;
  /** range / (width / 2), before any limit or rounding. */
  readonly perPixelsMs: number;
  /** Which bound decided the step before rounding up to a readable one. */
  readonly rule: 'width' | 'min-step' | 'max-points';
}

export function stepFacts(p: StepInputs): StepFacts {
  const width = Number.isFinite(p.widthPx) && p.widthPx > 0 ? p.widthPx : DEFAULT_WIDTH_PX;
  const minStep = p.minStep !== undefined && p.minStep > 0 ? p.minStep : DEFAULT_MIN_STEP;
  const maxPoints = p.maxPoints !== undefined && p.maxPoints >= 2 ? p.maxPoints : DEFAULT_MAX_POINTS;
  const range = Number.isFinite(p.end - p.start) ? Math.max(0, p.end - p.start) : 0;
  const perPixels = range / (width / 2);
  const raw = Math.max(perPixels, minStep, range / maxPoints);
  let step = readableStepAtLeast(raw);
  // Alignment can add up to one step of intervals; keep that within the limit too.
  let limited = false;
  while (Math.ceil(range / step) + 1 > maxPoints) {
    step = nextReadableStep(step);
    limited = true;
  }
  const rule = limited ? 'max-points' : raw === perPixels ? 'width' : raw === minStep ? 'min-step' : 'max-points';
  return { step, widthPx: width, perPixelsMs: perPixels, rule };
}

/** Widens the range to whole steps, so the same panel asks the server the same question. */
export function alignRange(start: number, end: number, step: number): { start: number; end: number } {
  if (!(step > 0) || !Number.isFinite(step)) return { start, end };
  return { start: Math.floor(start / step) * step, end: Math.ceil(end / step) * step };
}

import { SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS } from './durations';

/** Steps a person recognises; query steps are rounded up to one of these (then to whole days). */
export const READABLE_STEPS: readonly number[] = [
  SECOND_MS,
  2 * SECOND_MS,
  5 * SECOND_MS,
  10 * SECOND_MS,
  15 * SECOND_MS,
  30 * SECOND_MS,
  MINUTE_MS,
  2 * MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
];

const DEFAULT_WIDTH_PX = 1000;
const DEFAULT_MIN_STEP = SECOND_MS;
/** Prometheus refuses range queries with more than 11,000 points per series. */
const DEFAULT_MAX_POINTS = 11_000;

function readableStepAtLeast(ms: number): number {
  for (const step of READABLE_STEPS) if (step >= ms) return step;
  return Math.ceil(ms / DAY_MS) * DAY_MS;
}

function nextReadableStep(step: number): number {
  const next = READABLE_STEPS.find((s) => s > step);
  return next ?? (Math.floor(step / DAY_MS) + 1) * DAY_MS;
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

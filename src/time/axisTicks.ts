import { timeTicks, type TickStyle } from './format';

/** Characters of a tick label in each style ('10:15', '10:15:30', '01-15 10:15', '2024-01-15'). */
const LABEL_CHARS: Record<TickStyle, number> = { time: 5, 'time-seconds': 8, 'axis-short': 11, date: 10 };
// Digits and ':' / '-' of a sans-serif face are about 0.6 em wide.
const CHAR_EM = 0.6;
// Space between two neighbouring labels, so they read as two.
const LABEL_GAP_PX = 10;

export interface AxisTickOptions {
  /** One label per this many px as a rule (Grafana-like density on a desktop). */
  readonly preferredSpacingPx?: number;
  /** The axis labels' font size. */
  readonly fontPx?: number;
  /** Labels an axis should show where they fit without touching. */
  readonly minLabels?: number;
}

/** The width a tick label of `style` takes at `fontPx`, estimated from its characters. */
export function tickLabelWidthPx(style: TickStyle, fontPx: number): number {
  return Math.ceil(LABEL_CHARS[style] * CHAR_EM * fontPx);
}

/** Smallest distance in px between neighbouring ticks, Infinity for fewer than two. */
function minSpacingPx(ticks: readonly number[], pxPerMs: number): number {
  let min = Infinity;
  for (let i = 1; i < ticks.length; i++) min = Math.min(min, ((ticks[i] as number) - (ticks[i - 1] as number)) * pxPerMs);
  return min;
}

/**
 * Time ticks for an axis `plotWidthPx` wide: one label per `preferredSpacingPx` as a rule, but where
 * that gives fewer than `minLabels` (a phone's 250 px axis), as many more as fit without the
 * labels touching, so a narrow chart still reads as a time scale.
 */
export function timeTicksForWidth(
  start: number,
  end: number,
  tz: string,
  plotWidthPx: number,
  { preferredSpacingPx = 110, fontPx = 11, minLabels = 3 }: AxisTickOptions = {},
): { ticks: number[]; style: TickStyle } {
  const width = Number.isFinite(plotWidthPx) ? Math.max(0, plotWidthPx) : 0;
  const preferredCount = Math.max(2, Math.floor(width / preferredSpacingPx));
  let best = timeTicks(start, end, tz, preferredCount);
  if (best.ticks.length >= minLabels || !(end > start)) return best;
  const pxPerMs = width / (end - start);
  // No label style is narrower than 'time': beyond this many (n labels, n − 1 spaces between them),
  // labels would touch whatever the interval.
  const ceiling = Math.floor(width / (tickLabelWidthPx('time', fontPx) + LABEL_GAP_PX)) + 1;
  for (let count = preferredCount + 1; count <= ceiling; count++) {
    const candidate = timeTicks(start, end, tz, count);
    // Allowing more ticks only ever picks a finer interval: once labels touch, they stay touching.
    if (minSpacingPx(candidate.ticks, pxPerMs) < tickLabelWidthPx(candidate.style, fontPx) + LABEL_GAP_PX) break;
    if (candidate.ticks.length > best.ticks.length) best = candidate;
    if (best.ticks.length >= minLabels) break;
  }
  return best;
}

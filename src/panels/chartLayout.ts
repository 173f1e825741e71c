/** The room a chart gives its axes and the plot, by the chart's width. */
export interface ChartLayout {
  /** Narrower than NARROW_CHART_PX: axes sized to their labels. */
  readonly narrow: boolean;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly yAxisWidth: number;
  readonly plotWidth: number;
}

/** Below this width (phones, a narrow window) the axes take only what their labels need. */
export const NARROW_CHART_PX = 560;

const WIDE_MARGIN = { top: 28, right: 16, bottom: 4, left: 8 } as const;
const NARROW_MARGIN = { top: 28, right: 8, bottom: 4, left: 2 } as const;
const WIDE_Y_AXIS_PX = 72;
// The tick mark and the space between it and its label, as Recharts draws them.
const Y_TICK_PX = 12;
// A label's letters ('512 MiB', '2.5%') are about 0.62 em wide on average at the axis' 11 px.
const Y_LABEL_CHAR_PX = 0.62 * 11;
const MIN_Y_AXIS_PX = 32;

/**
 * Wide charts keep a fixed y axis, so the plots of panels above one another line up; a narrow one
 * sizes it to its longest label, because on a phone every pixel of the plot is a time column.
 */
export function chartLayout(width: number, yLabels: readonly string[]): ChartLayout {
  const narrow = width < NARROW_CHART_PX;
  const margin = narrow ? NARROW_MARGIN : WIDE_MARGIN;
  const longest = yLabels.reduce((n, label) => Math.max(n, label.length), 0);
  const yAxisWidth = narrow ? Math.min(WIDE_Y_AXIS_PX, Math.max(MIN_Y_AXIS_PX, Math.ceil(longest * Y_LABEL_CHAR_PX) + Y_TICK_PX)) : WIDE_Y_AXIS_PX;
  const plotWidth = Math.max(1, Math.round(width - yAxisWidth - margin.left - margin.right));
  return { narrow, margin, yAxisWidth, plotWidth };
}

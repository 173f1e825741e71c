import { HoverTooltip } from './HoverTooltip';
import { useCrosshairTime, type CrosshairStore } from './crosshair';
import type { Unit } from '../series';
import type { PanelLine } from './types';

interface Props {
  readonly store: CrosshairStore;
  /** The x (px, in the chart) of a time: the tooltip sits beside the crosshair line. */
  readonly xOf: (time: number) => number;
  readonly chartWidth: number;
  readonly step: number;
  readonly lines: readonly PanelLine[];
  readonly unit: Unit;
  readonly timezone: string;
  /** A marker's own tooltip or a cluster list is open: it takes the place. */
  readonly suppressed: boolean;
  readonly start: number;
  readonly end: number;
}

/** This panel's values at the shared cursor time, whichever panel the pointer is on. */
export function CrosshairTooltip({ store, xOf, suppressed, start, end, ...tooltip }: Props) {
  const time = useCrosshairTime(store);
  // Outside this panel's range (a focused panel beside others is not possible, but a range can differ).
  if (time === null || suppressed || time < start || time > end) return null;
  return <HoverTooltip time={time} x={xOf(time)} {...tooltip} />;
}

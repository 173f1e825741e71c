export {
  parseTimeInput,
  resolveRange,
  isRelative,
  parseDuration,
  formatDuration,
  RANGE_PRESETS,
  type TimeInput,
  type TimeRange,
  type ResolvedRange,
  type ParseTimeOptions,
} from './range';
export { formatPromDuration } from './promDuration';
export { stepFor, alignRange, READABLE_STEPS } from './step';
export {
  resolveTimezone,
  isValidTimezone,
  formatTime,
  timeTicks,
  zoneAbbreviation,
  type TimezoneSetting,
  type TimeStyle,
  type TickStyle,
} from './format';
export { timeTicksForWidth, tickLabelWidthPx, type AxisTickOptions } from './axisTicks';
export { instantOfWallClock, zoneOffsetAt, type WallClock } from './zone';

export { SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS } from './durations';
export {
  parseTimeInput,
  readTimeInput,
  isWithinTimeBounds,
  EARLIEST_TIME_MS,
  LATEST_TIME_MS,
  resolveRange,
  isRelative,
  parseDuration,
  formatDuration,
  RANGE_PRESETS,
  type TimeInput,
  type TimeRange,
  type ResolvedRange,
  type ParseTimeOptions,
  type TimeInputResult,
} from './range';
export { formatPromDuration } from './promDuration';
export { describeRelativeRange } from './describeRange';
export { stepFor, stepFacts, alignRange, READABLE_STEPS, type StepFacts } from './step';
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
export { MAX_TIMER_DELAY_MS, timerDelay } from './timer';
export { useClock } from './useClock';

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
export { instantOfWallClock, zoneOffsetAt, type WallClock } from './zone';

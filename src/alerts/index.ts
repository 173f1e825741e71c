export { firingPeriods, JOIN_TOLERANCE_STEPS, MAX_ALERT_SERIES, type FiringPeriod, type FiringPeriods } from './firingPeriods';
export {
  alertBands,
  alertRows,
  bandsForPanel,
  flappingGapFor,
  FLAPPING_MIN_PERIODS,
  MAX_ALERT_ROWS,
  type AlertBand,
  type AlertRow,
} from './alertBands';
export { describeBand } from './describeBand';

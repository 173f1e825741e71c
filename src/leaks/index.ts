export { estimateLeak, type LeakEstimate, type LeakWatchSettings } from './estimateLeak';
export { describeLeak, approximately, minutesFromNow } from './describeLeak';
export { resolveLeakWatch, leakDurationProblem, type LeakWatchOption, type LeakWatchResolution } from './settings';
export type { LeakRuleInput } from './alertRule';

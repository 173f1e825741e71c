export { estimateLeak, BUCKETS, type LeakEstimate, type LeakVerdict, type LeakWatchSettings } from './estimateLeak';
export { describeLeak, approximately, minutesFromNow } from './describeLeak';
export { resolveLeakWatch, leakDurationProblem, DEFAULT_LEAK_WINDOW, LEAK_DURATION_BOUNDS_MS, type LeakWatchOption, type LeakWatchResolution } from './settings';
export { leakRules, leakRuleFile, rangeOf, alertName, legendAsTemplate, LEAK_RULE_GROUP, LEAK_RULE_FOR, LEAK_RULE_RANGE, type LeakRule, type LeakRuleInput, type LeakRuleQuery } from './alertRule';

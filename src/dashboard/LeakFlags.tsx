import { Suspense, useMemo } from 'react';
import { approximately, describeLeak, minutesFromNow } from '../leaks';
import type { Unit } from '../series';
import { leakRuleInput } from './leakRuleInputs';
import { lazyNamed } from '../lazy';
import type { PanelSpec } from './schema';
import type { LeakWatchState } from './useLeakWatch';

// The rule's YAML writer is a chunk of its own, fetched only when a leak is flagged.
const LeakRule = lazyNamed(() => import('./LeakRule'), 'LeakRule');

interface Props {
  readonly state: LeakWatchState;
  /** Series hidden in the legend: not watched, and said so, so a quiet panel is not read as all clear. */
  readonly hiddenCount: number;
  readonly spec: PanelSpec;
  /** The panel's queries as sent (variables substituted): what the alerting rule watches. */
  readonly exprs: readonly string[];
  readonly unit: Unit;
  readonly timezone: string;
  /** Kiosk: the flags without the rule. */
  readonly readOnly: boolean;
}

const PROBLEMS = {
  'no-limit': 'Leak watch needs a limit: set leakWatch.limit or give the panel a threshold.',
  'bad-duration': 'Leak watch: horizon and window must be durations between 1m and 30d.',
} as const;

/** Under the panel's header: each leak flag in words, one list item per series, and the rule. */
export function LeakFlags({ state, hiddenCount, spec, exprs, unit, timezone, readOnly }: Props) {
  const ruleInput = useMemo(() => leakRuleInput(spec, exprs), [spec, exprs]);
  if (state.kind === 'off') return null;
  if (state.kind === 'problem') {
    return (
      <p role="alert" className="leak-watch-problem">
        {PROBLEMS[state.reason]}
      </p>
    );
  }
  const { settings, flags } = state;
  const limit = approximately(settings.limit, unit);
  const unwatched = hiddenCount > 0 ? ` (${hiddenCount} hidden ${hiddenCount === 1 ? 'series is' : 'series are'} not watched)` : '';
  if (flags.length === 0) {
    return (
      <p className="leak-watch-quiet">
        Leak watch: no series on course to reach {limit} within {minutesFromNow(settings.horizonMs)}
        {unwatched}
      </p>
    );
  }
  return (
    <div className="leak-watch">
      <ul className="leak-flags" aria-label="Leak watch">
        {flags.map((flag) => (
          <li key={flag.key} style={{ borderLeftColor: flag.color }}>
            {describeLeak(flag.name, flag.estimate, settings.limit, unit, timezone)}
          </li>
        ))}
      </ul>
      {unwatched && <p className="leak-watch-unwatched">Leak watch{unwatched}</p>}
      {!readOnly && ruleInput && (
        <Suspense fallback={null}>
          <LeakRule input={ruleInput} />
        </Suspense>
      )}
    </div>
  );
}

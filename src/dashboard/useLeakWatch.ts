import { useMemo } from 'react';
import { estimateLeak, resolveLeakWatch, type LeakEstimate, type LeakWatchOption, type LeakWatchResolution, type LeakWatchSettings } from '../leaks';
import type { LeakProjectionLine, PanelLine } from '../panels';
import { columnsOf } from '../series';

export interface LeakFlag {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly estimate: LeakEstimate;
}

export type LeakWatchState =
  | { readonly kind: 'off' }
  | { readonly kind: 'problem'; readonly reason: Extract<LeakWatchResolution, { ok: false }>['reason'] }
  | { readonly kind: 'on'; readonly settings: LeakWatchSettings; readonly flags: readonly LeakFlag[]; readonly watched: number };

const OFF: LeakWatchState = { kind: 'off' };
const NO_PROJECTIONS: readonly LeakProjectionLine[] = [];

/** The panel's leak flags and their projections, computed again only when its data changes. */
export function useLeakWatch(
  lines: readonly PanelLine[],
  option: LeakWatchOption | undefined,
  thresholds: readonly { readonly value: number }[],
): { readonly state: LeakWatchState; readonly projections: readonly LeakProjectionLine[] } {
  return useMemo(() => {
    if (!option) return { state: OFF, projections: NO_PROJECTIONS };
    const resolution = resolveLeakWatch(option, thresholds);
    if (!resolution.ok) return { state: { kind: 'problem', reason: resolution.reason }, projections: NO_PROJECTIONS };
    const { settings } = resolution;
    const flags = lines.flatMap((line) => {
      // The worker's typed columns when there are: watching 20 lines copies none of them.
      const estimate = estimateLeak(columnsOf(line.series), settings);
      return estimate.verdict === 'leaking' ? [{ key: line.key, name: line.name, color: line.color, estimate }] : [];
    });
    const projections = flags.flatMap(({ key, name, color, estimate }) =>
      estimate.crossingAt !== null && estimate.crossingAt > estimate.now
        ? [{ key, name, color, fromTime: estimate.now, fromValue: estimate.levelNow, toTime: estimate.crossingAt, toValue: settings.limit }]
        : [],
    );
    return { state: { kind: 'on', settings, flags, watched: lines.length }, projections };
  }, [lines, option, thresholds]);
}

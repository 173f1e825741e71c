import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alertBands, firingPeriods, flappingGapFor, JOIN_TOLERANCE_STEPS, type AlertBand } from '../alerts';
import { activeAlertsQueryOptions, isPromClientError, rangeQueryOptions, type ActiveAlert } from '../prometheus';
import { alignRange, stepFor } from '../time';
import { useIncrementalPolicy, usePromClient } from './promClientContext';
import { useRangeMoves, useTimeRange } from './TimeRangeProvider';

/** Prometheus' record of every alert that fired (ALERTS_FOR_STATE holds pending ones). */
export const FIRING_ALERTS_EXPR = 'ALERTS{alertstate="firing"}';

/**
 * One step for the whole dashboard, as if for a 1,000 px plot, so every panel shares one ALERTS
 * query (one key, one request) whatever its width: a band's edges are then within 0.1 % of the range.
 */
const ALERTS_PLOT_WIDTH_PX = 1000;

const NO_BANDS: readonly AlertBand[] = [];

/**
 * The alert bands of the dashboard's range. Every panel calls it; TanStack Query asks once. It
 * refreshes with the panels: a relative range moves the key, an absolute one is invalidated.
 */
export function useAlertBands(): readonly AlertBand[] {
  const client = usePromClient();
  const { start, end } = useTimeRange();
  const step = stepFor({ start, end, widthPx: ALERTS_PLOT_WIDTH_PX });
  const aligned = alignRange(start, end, step);
  // A moving range asks only the new tail of ALERTS, as the panels do for their queries.
  const incrementalPolicy = useIncrementalPolicy();
  const incremental = useRangeMoves() ? incrementalPolicy : undefined;
  const { data } = useQuery(rangeQueryOptions(client, { expr: FIRING_ALERTS_EXPR, start: aligned.start, end: aligned.end, step }, incremental));
  return useMemo(() => {
    if (!data) return NO_BANDS;
    const { periods } = firingPeriods(data.series, data.step);
    // Firing at one of the last steps of the range: the rule evaluates between steps.
    return alertBands(periods, flappingGapFor(data.start, data.end), data.end - JOIN_TOLERANCE_STEPS * data.step);
  }, [data]);
}

export type FiringAlertsState =
  | { readonly kind: 'loading' }
  /** The server has no alerts endpoint (VictoriaMetrics without vmalert answers 400 or 404). */
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ok'; readonly firing: readonly ActiveAlert[]; readonly omitted: number };

/** The alerts firing now (`/api/v1/alerts`), asked again with every refresh of the dashboard. */
export function useFiringAlerts(): FiringAlertsState {
  const client = usePromClient();
  const { end } = useTimeRange();
  const { data, error } = useQuery(activeAlertsQueryOptions(client, end));
  return useMemo<FiringAlertsState>(() => {
    if (data) {
      const firing = data.alerts
        .filter((a) => a.state === 'firing')
        .sort((a, b) => (a.labels.alertname ?? '').localeCompare(b.labels.alertname ?? '') || (a.labels.instance ?? '').localeCompare(b.labels.instance ?? ''));
      return { kind: 'ok', firing, omitted: data.omitted };
    }
    if (error) {
      if (isPromClientError(error) && error.kind === 'http' && (error.status === 404 || error.status === 400)) return { kind: 'none' };
      return { kind: 'failed', message: error.message };
    }
    return { kind: 'loading' };
  }, [data, error]);
}

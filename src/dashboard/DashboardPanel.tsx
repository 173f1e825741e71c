import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { rangeQueryOptions } from '../prometheus';
import { seriesName } from '../series';
import { alignRange, stepFor } from '../time';
import { lineColor, TimeSeriesPanel, useElementWidth, type EventMarker, type IncidentWindow, type PanelLine, type PanelProblem } from '../panels';
import { usePromClient } from './promClientContext';
import { describeQueryError } from './problems';
import type { PanelSpec } from './schema';

interface Props {
  readonly spec: PanelSpec;
  readonly start: number;
  readonly end: number;
  readonly timezone: string;
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly onSelectMarker: (key: string) => void;
}

// Space the y axis and margins take from the panel's width; the rest is one pixel column each.
const CHART_CHROME_PX = 96;
// The panel's border and padding, inside the measured slot.
const PANEL_PADDING_PX = 24;

/** Runs a panel's queries for the shared time range and hands the results to the pure panel. */
export function DashboardPanel({ spec, start, end, timezone, windows, markers, selectedMarkerKey, onSelectMarker }: Props) {
  const client = usePromClient();
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const step = stepFor({ start, end, widthPx: Math.max(100, width - CHART_CHROME_PX) });
  const aligned = alignRange(start, end, step);

  const results = useQueries({
    queries: spec.queries.map((q) => ({
      ...rangeQueryOptions(client, { expr: q.expr, start: aligned.start, end: aligned.end, step }),
      placeholderData: keepPreviousData,
    })),
  });

  const datas = useShallowStable(results.map((r) => r.data));
  const lines: PanelLine[] = useMemo(() => {
    const out: PanelLine[] = [];
    datas.forEach((data, qi) => {
      const legend = spec.queries[qi]?.legend;
      for (const series of data?.series ?? []) {
        const labelKey = JSON.stringify(series.labels);
        out.push({ key: `${qi}:${labelKey}`, name: seriesName(series.labels, legend), color: lineColor(out.length), series });
      }
    });
    return out;
  }, [spec.queries, datas]);

  const problems: PanelProblem[] = [];
  results.forEach((result, qi) => {
    // failureReason is set while retries are still running: say so at once rather than after them.
    const error = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
    if (!error) return;
    const problem = describeQueryError(error, spec.queries[qi]?.expr ?? '');
    if (problem) problems.push(problem);
  });
  const warnings = [...new Set(results.flatMap((r) => r.data?.warnings ?? []))];
  const hasData = results.some((r) => r.data !== undefined);
  const dataUpdatedAt = Math.min(...results.map((r) => r.dataUpdatedAt || Infinity));

  return (
    <div ref={ref} className="panel-slot">
      <TimeSeriesPanel
        id={spec.id}
        title={spec.title}
        unit={spec.unit}
        width={Math.max(200, width - PANEL_PADDING_PX)}
        start={start}
        end={end}
        step={step}
        timezone={timezone}
        lines={lines}
        status={{ hasData, fetching: results.some((r) => r.isFetching), problems, warnings, dataUpdatedAt }}
        thresholds={spec.thresholds}
        windows={windows}
        markers={markers}
        selectedMarkerKey={selectedMarkerKey}
        onSelectMarker={onSelectMarker}
        onRetry={() => results.forEach((r) => void r.refetch())}
      />
    </div>
  );
}

/**
 * The same array as last render while its elements are identical: `useQueries` returns a new
 * array every render, but TanStack's structural sharing keeps unchanged data objects identical,
 * so lines are only rebuilt (and re-downsampled) when data really changed.
 */
function useShallowStable<T>(items: readonly T[]): readonly T[] {
  const [stable, setStable] = useState(items);
  const same = stable.length === items.length && stable.every((item, i) => item === items[i]);
  // Storing derived state during render is React's documented pattern for "previous value".
  if (!same) setStable(items);
  return same ? stable : items;
}

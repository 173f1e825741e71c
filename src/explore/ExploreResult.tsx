import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeQueryError, usePanelQueries, usePromClient, useTimeRange, type PanelOverlay } from '../dashboard';
import { SeriesBudgetNote, TimeSeriesPanel, useElementWidth } from '../panels';
import { instantQueryOptions } from '../prometheus';
import { InstantTable } from './InstantTable';

interface Props extends PanelOverlay {
  /** 'Query 1': names the graph's region and the table. */
  readonly label: string;
  readonly expr: string;
  /** The cursor time the table shows values at; null: the end of the range. */
  readonly cursorTime: number | null;
  readonly onCursorTime: (time: number) => void;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
}

// Space the y axis and margins take from the graph's width, as a dashboard panel counts it.
const CHART_CHROME_PX = 96;
const PANEL_PADDING_PX = 24;
const NO_VARIABLES = {};

/**
 * One query of Explore: its graph over the shared range (the dashboard's query layer, with the
 * built-in intervals) and beside it the table of instant values, at the cursor or the range's end.
 */
export function ExploreResult({ label, expr, cursorTime, onCursorTime, onZoom, onZoomOut, ...overlay }: Props) {
  const { start, end, timezone } = useTimeRange();
  const client = usePromClient();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [ref, width] = useElementWidth<HTMLDivElement>(800);
  const specQueries = [{ expr }];
  const data = usePanelQueries({
    specQueries,
    overrides: undefined,
    variables: NO_VARIABLES,
    start,
    end,
    plotWidthPx: Math.max(100, width - CHART_CHROME_PX),
    maxSeries: undefined,
  });
  const interpolated = data.interpolated[0];
  const time = cursorTime !== null && cursorTime >= start && cursorTime <= end ? cursorTime : end;
  const instantExpr = interpolated?.expr ?? expr;
  const instant = useQuery({ ...instantQueryOptions(client, { expr: instantExpr, time }), enabled: interpolated?.problems.length === 0 });
  // A variable the query names but Explore does not have stops both queries; say it in the table too.
  const variableProblem = data.status.problems.find((p) => p.kind === 'variable') ?? null;
  const instantProblem = variableProblem ?? (instant.error ? describeQueryError(instant.error, instantExpr) : null);

  const toggle = (name: string) => {
    const next = new Set(hidden);
    if (!next.delete(name)) next.add(name);
    setHidden(next);
  };

  return (
    <div className="explore-result">
      <div ref={ref} className="panel-slot">
        <TimeSeriesPanel
          id={label}
          title={label}
          unit="short"
          width={Math.max(200, width - PANEL_PADDING_PX)}
          start={start}
          end={end}
          step={data.asked.step}
          timezone={timezone}
          lines={data.lines}
          status={data.status}
          thresholds={[]}
          windows={overlay.windows}
          markers={overlay.markers}
          selectedMarkerKey={overlay.selectedMarkerKey}
          onSelectMarker={overlay.onSelectMarker}
          onRetry={data.refetch}
          hidden={hidden}
          onToggleSeries={toggle}
          onIsolateSeries={(name, all) => setHidden(new Set(hidden.size === all.length - 1 && !hidden.has(name) ? [] : all.filter((n) => n !== name)))}
          height={260}
          onZoom={onZoom}
          onZoomOut={onZoomOut}
          onCursorTime={onCursorTime}
        >
          <SeriesBudgetNote shown={data.lines.length} omitted={data.omitted} />
        </TimeSeriesPanel>
      </div>
      <InstantTable
        label={label}
        time={time}
        timezone={timezone}
        atCursor={time !== end}
        result={instant.data}
        problem={instantProblem}
        fetching={instant.isFetching}
      />
    </div>
  );
}

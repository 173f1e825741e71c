import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { appliedVariables, describeQueryError, usePanelQueries, usePromClient, useTimeRange, type PanelOverlay, type VariableValues } from '../dashboard';
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
  /** Series hidden in the legend (in the URL). */
  readonly hidden: readonly string[];
  readonly onToggleSeries: (name: string) => void;
  readonly onIsolateSeries: (name: string, allNames: readonly string[]) => void;
  /** The dashboard's variables, applied as on its panels. */
  readonly variables: VariableValues;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
}

// Space the y axis and margins take from the graph's width, as a dashboard panel counts it.
const CHART_CHROME_PX = 96;
const PANEL_PADDING_PX = 24;

/**
 * One query of Explore: its graph over the shared range (the dashboard's query layer, with the
 * built-in intervals) and beside it the table of instant values, at the cursor or the range's end.
 */
export function ExploreResult({ label, expr, cursorTime, onCursorTime, hidden: hiddenNames, onToggleSeries, onIsolateSeries, variables, onZoom, onZoomOut, ...overlay }: Props) {
  const { start, end, timezone } = useTimeRange();
  const client = usePromClient();
  const hidden = useMemo(() => new Set(hiddenNames), [hiddenNames]);
  const [ref, width] = useElementWidth<HTMLDivElement>(800);
  const specQueries = [{ expr }];
  const data = usePanelQueries({
    specQueries,
    overrides: undefined,
    variables,
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

  const applied = appliedVariables(expr, variables);

  return (
    <div className="explore-result">
      {applied.length > 0 && <AppliedVariables label={label} names={applied} variables={variables} />}
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
          onToggleSeries={onToggleSeries}
          onIsolateSeries={onIsolateSeries}
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
        expr={instantExpr}
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

/** Which dashboard variables the query's `$name`s stand for: the query is not what it reads without them. */
function AppliedVariables({ label, names, variables }: { label: string; names: readonly string[]; variables: VariableValues }) {
  return (
    <p className="explore-variables" aria-label={`Variables applied to ${label}`}>
      Dashboard variables applied:{' '}
      {names.map((name, i) => {
        const value = variables[name];
        const shown = !value || value.all ? 'All' : value.selected.length === 0 ? 'none' : value.selected.join(', ');
        return (
          <span key={name}>
            {i > 0 && '; '}
            <code>${name}</code> = {shown}
          </span>
        );
      })}
    </p>
  );
}

import { type PanelOverlay, type VariableValues } from '../dashboard';
import { ExploreQuery } from './ExploreQuery';
import { useSettledCursor } from './useSettledCursor';

export interface ExploreViewProps extends PanelOverlay {
  /** Explore's queries from the URL; none yet shows one blank query to type. */
  readonly queries: readonly string[];
  /** How many queries a link carries: no "Add query" past it. */
  readonly maxQueries: number;
  /** The time the tables show values at (from the URL); undefined: the end of the range. */
  readonly cursorTime: number | undefined;
  /** The cursor rested at a time, or (undefined) the tables go back to the end of the range. */
  readonly onCursorTime: (time: number | undefined) => void;
  /** Query number ("1" is Query 1) → series hidden in its legend (from the URL). */
  readonly hidden: Readonly<Record<string, readonly string[]>>;
  readonly onToggleSeries: (index: number, name: string) => void;
  readonly onIsolateSeries: (index: number, name: string, allNames: readonly string[]) => void;
  /** The dashboard's variables: `$instance` in a query means what it means on the panels. */
  readonly variables: VariableValues;
  readonly onRunQuery: (index: number, expr: string) => void;
  readonly onAddQuery: () => void;
  readonly onRemoveQuery: (index: number) => void;
  readonly onAddToDashboard: (expr: string) => void;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
}

const NONE: readonly string[] = [];

/**
 * Free queries over the view's range, each a graph beside a table of values (Grafana's Explore,
 * Prometheus's query page). The range, incidents, queries, hidden series and cursor are the view's,
 * so a link carries the whole investigation.
 */
export function ExploreView({
  queries,
  maxQueries,
  cursorTime,
  onCursorTime,
  hidden,
  onToggleSeries,
  onIsolateSeries,
  variables,
  onRunQuery,
  onAddQuery,
  onRemoveQuery,
  onAddToDashboard,
  onZoom,
  onZoomOut,
  ...overlay
}: ExploreViewProps) {
  const reportCursor = useSettledCursor(onCursorTime);
  const shown = queries.length > 0 ? queries : [''];
  return (
    <main className="explore" aria-label="Explore">
      <div className="explore-cursor">
        {cursorTime === undefined ? (
          <span>Tables show values at the end of the range; rest the cursor on a graph to see them at that time.</span>
        ) : (
          <button type="button" onClick={() => onCursorTime(undefined)}>
            Values at the end of the range
          </button>
        )}
      </div>
      {shown.map((expr, index) => (
        <ExploreQuery
          // Position and text: a removed query does not hand its editor's draft to the next one.
          key={`${index}:${expr}`}
          number={index + 1}
          expr={expr}
          canRemove={queries.length > 0}
          cursorTime={cursorTime ?? null}
          onCursorTime={reportCursor}
          hidden={hidden[String(index + 1)] ?? NONE}
          onToggleSeries={(name) => onToggleSeries(index, name)}
          onIsolateSeries={(name, all) => onIsolateSeries(index, name, all)}
          variables={variables}
          onRun={(next) => onRunQuery(index, next)}
          onRemove={() => onRemoveQuery(index)}
          onAddToDashboard={() => onAddToDashboard(expr)}
          onZoom={onZoom}
          onZoomOut={onZoomOut}
          {...overlay}
        />
      ))}
      <button type="button" onClick={onAddQuery} disabled={queries.length >= maxQueries}>
        Add query
      </button>
    </main>
  );
}

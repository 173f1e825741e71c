import { type PanelOverlay } from '../dashboard';
import { ExploreQuery } from './ExploreQuery';
import { useSettledCursor } from './useSettledCursor';

export interface ExploreViewProps extends PanelOverlay {
  /** Explore's queries from the URL; none yet shows one blank query to type. */
  readonly queries: readonly string[];
  /** How many queries a link carries: no "Add query" past it. */
  readonly maxQueries: number;
  readonly onRunQuery: (index: number, expr: string) => void;
  readonly onAddQuery: () => void;
  readonly onRemoveQuery: (index: number) => void;
  readonly onAddToDashboard: (expr: string) => void;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
}

/**
 * Free queries over the view's range, each a graph beside a table of values (Grafana's Explore,
 * Prometheus's query page). The range, incidents and queries are the view's, so a link carries it.
 */
export function ExploreView({ queries, maxQueries, onRunQuery, onAddQuery, onRemoveQuery, onAddToDashboard, onZoom, onZoomOut, ...overlay }: ExploreViewProps) {
  const cursor = useSettledCursor();
  const shown = queries.length > 0 ? queries : [''];
  return (
    <main className="explore" aria-label="Explore">
      <div className="explore-cursor">
        {cursor.time === null ? (
          <span>Tables show values at the end of the range; rest the cursor on a graph to see them at that time.</span>
        ) : (
          <button type="button" onClick={cursor.clear}>
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
          cursorTime={cursor.time}
          onCursorTime={cursor.report}
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

import { useState } from 'react';
import { type PanelOverlay, type VariableValues } from '../dashboard';
// Not through the index: the dashboard loads its query editor lazily, and an index export would
// pull it back into the first load.
import { QueryEditor } from '../dashboard/QueryEditor';
import { ExploreResult } from './ExploreResult';

interface Props extends PanelOverlay {
  /** 1-based, as the page names it: 'Query 1'. */
  readonly number: number;
  readonly expr: string;
  readonly canRemove: boolean;
  readonly cursorTime: number | null;
  readonly onCursorTime: (time: number) => void;
  readonly hidden: readonly string[];
  readonly onToggleSeries: (name: string) => void;
  readonly onIsolateSeries: (name: string, allNames: readonly string[]) => void;
  readonly variables: VariableValues;
  readonly onRun: (expr: string) => void;
  readonly onRemove: () => void;
  readonly onAddToDashboard: () => void;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
}

const noop = () => {};

/** One of Explore's queries: the editor, what to do with the query, and its graph and values. */
export function ExploreQuery({ number, expr, canRemove, onRun, onRemove, onAddToDashboard, ...result }: Props) {
  const label = `Query ${number}`;
  const blank = expr.trim() === '';
  // A blank query has nothing to show but its editor, which therefore cannot be closed.
  const [editorOpen, setEditorOpen] = useState(true);
  const editing = editorOpen || blank;
  return (
    <div role="group" aria-label={label} className="explore-query">
      {editing && (
        // Keyed by the query, so a query changed by the URL (Back, a link) shows its own text.
        <QueryEditor key={expr} queries={[expr]} edited={false} onRun={([next = '']) => onRun(next)} onReset={noop} onClose={() => setEditorOpen(false)} />
      )}
      <div className="explore-query-actions">
        {!editing && (
          <button type="button" onClick={() => setEditorOpen(true)}>
            Edit query
          </button>
        )}
        {!blank && (
          <button type="button" onClick={onAddToDashboard}>
            Add to dashboard
          </button>
        )}
        {canRemove && (
          <button type="button" onClick={onRemove}>
            Remove query
          </button>
        )}
      </div>
      {blank ? <p className="explore-hint">Type a PromQL query and run it (Ctrl+Enter).</p> : <ExploreResult label={label} expr={expr} {...result} />}
    </div>
  );
}

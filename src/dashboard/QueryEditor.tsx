import { Suspense, useId, useState, type FormEvent } from 'react';
import { PromQLEditor, type CompletionRange } from '../editor';
import { useOptionalDatasource } from './promClientContext';

/** What the server said about a query it was asked to run. */
export interface QueryRunError {
  readonly title: string;
  /** The server's own words, verbatim. */
  readonly message: string;
}

interface Props {
  readonly queries: readonly string[];
  readonly edited: boolean;
  readonly onRun: (queries: string[]) => void;
  readonly onReset: () => void;
  readonly onClose: () => void;
  /** Per query index: why the server refused the query now running, shown under that query. */
  readonly errors?: readonly (QueryRunError | undefined)[];
  /** Where completion looks up names and values: the view's range (the last 12 h when absent). */
  readonly completionRange?: CompletionRange;
}

/** Edit a panel's PromQL during an investigation; the edit lives in the URL, so links carry it. */
export function QueryEditor({ queries, edited, onRun, onReset, onClose, errors, completionRange }: Props) {
  const [drafts, setDrafts] = useState<string[]>([...queries]);
  const baseId = useId();
  const client = useOptionalDatasource()?.client;
  const run = (texts: readonly string[]) => onRun(texts.map((d) => d.trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(drafts);
  };
  const setDraft = (i: number, text: string) => setDrafts((all) => all.map((d, j) => (j === i ? text : d)));
  return (
    <form className="query-editor" onSubmit={submit} aria-label="Edit queries">
      {drafts.map((draft, i) => {
        const labelId = `${baseId}-${i}-label`;
        const inputId = `${baseId}-${i}`;
        const error = errors?.[i];
        const errorId = error ? `${baseId}-${i}-error` : undefined;
        // Until the editor's chunk has arrived (or if it cannot), a plain textarea does the job.
        const plain = (
          <textarea
            id={inputId}
            value={draft}
            aria-describedby={errorId}
            rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 90)))}
            spellCheck={false}
            onChange={(e) => setDraft(i, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
          />
        );
        return (
          <div key={i} className="query-editor-row">
            <label id={labelId} htmlFor={inputId}>
              Query {drafts.length > 1 ? i + 1 : ''}
            </label>
            <Suspense fallback={plain}>
              <PromQLEditor
                value={draft}
                onChange={(text) => setDraft(i, text)}
                onRun={(text) => run(drafts.map((d, j) => (j === i ? text : d)))}
                labelledBy={labelId}
                describedBy={errorId}
                client={client}
                completionRange={completionRange}
              />
            </Suspense>
            {error && (
              <div id={errorId} role="alert" className="query-editor-error">
                <strong>{error.title}:</strong> {error.message}
              </div>
            )}
          </div>
        );
      })}
      <div className="query-editor-buttons">
        <button type="submit">Run queries</button>
        {edited && (
          <button type="button" onClick={onReset}>
            Reset to the dashboard's queries
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close editor
        </button>
      </div>
    </form>
  );
}

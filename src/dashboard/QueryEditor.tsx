import { useId, useState, type FormEvent } from 'react';

interface Props {
  readonly queries: readonly string[];
  readonly edited: boolean;
  readonly onRun: (queries: string[]) => void;
  readonly onReset: () => void;
  readonly onClose: () => void;
}

/** Edit a panel's PromQL during an investigation; the edit lives in the URL, so links carry it. */
export function QueryEditor({ queries, edited, onRun, onReset, onClose }: Props) {
  const [drafts, setDrafts] = useState<string[]>([...queries]);
  const baseId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun(drafts.map((d) => d.trim()));
  };
  return (
    <form className="query-editor" onSubmit={submit} aria-label="Edit queries">
      {drafts.map((draft, i) => (
        <div key={i} className="query-editor-row">
          <label htmlFor={`${baseId}-${i}`}>Query {drafts.length > 1 ? i + 1 : ''}</label>
          <textarea
            id={`${baseId}-${i}`}
            value={draft}
            rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 90)))}
            spellCheck={false}
            onChange={(e) => setDrafts(drafts.map((d, j) => (j === i ? e.target.value : d)))}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
          />
        </div>
      ))}
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

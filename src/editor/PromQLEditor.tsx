import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { forEachDiagnostic, lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { useEffect, useRef, useState } from 'react';
import type { PromClient } from '../prometheus';
import { COMPLETION_LIMITS, createPromQLClientAdapter, type CompletionRange } from './promqlClientAdapter';

export interface PromQLEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter, with the text as it is at that key press. */
  readonly onRun: (value: string) => void;
  /** The id of the element naming this editor (its "Query N" label). */
  readonly labelledBy: string;
  /** Ids of elements describing it (a server error for this query). */
  readonly describedBy?: string;
  /** Completion asks this server; without one, only PromQL's own words complete. */
  readonly client?: PromClient;
  /** The range completion looks in (the view's); the last 12 h when absent. */
  readonly completionRange?: CompletionRange;
}

// Colours for the app's dark panels, chosen for contrast against #0b0f14.
const highlight = HighlightStyle.define([
  { tag: tags.function(tags.variableName), color: '#79c0ff' },
  { tag: tags.operatorKeyword, color: '#d2a8ff' },
  { tag: tags.modifier, color: '#d2a8ff' },
  { tag: tags.labelName, color: '#ffa657' },
  { tag: tags.string, color: '#a5d6ff' },
  { tag: tags.number, color: '#7ee787' },
  { tag: tags.comment, color: '#8b949e', fontStyle: 'italic' },
  { tag: [tags.operator, tags.logicOperator, tags.arithmeticOperator], color: '#ff7b72' },
  { tag: tags.invalid, color: '#ff7b72', textDecoration: 'underline wavy' },
]);

const theme = EditorView.theme(
  {
    '&': { color: 'var(--text)', backgroundColor: '#0b0f14', border: '1px solid var(--border)', borderRadius: '4px', fontSize: '13px' },
    '&.cm-focused': { outline: '2px solid #58a6ff', outlineOffset: '1px' },
    '.cm-content': { fontFamily: 'ui-monospace, monospace', padding: '6px 0', caretColor: 'var(--text)' },
    '.cm-scroller': { fontFamily: 'ui-monospace, monospace' },
    '.cm-tooltip': { backgroundColor: '#161b22', color: 'var(--text)', border: '1px solid var(--border)' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#1f6feb', color: '#ffffff' },
    '.cm-completionDetail': { color: 'var(--muted)' },
  },
  { dark: true },
);

function namingAttributes(labelledBy: string, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy, ...(describedBy ? { 'aria-describedby': describedBy } : {}), 'aria-multiline': 'true' });
}

/** The linter's messages, in document order, for a list under the editor that every user can read. */
function diagnosticsOf(state: EditorState): string[] {
  const messages: string[] = [];
  forEachDiagnostic(state, (d) => messages.push(d.message));
  return messages;
}

/**
 * A PromQL editor (CodeMirror 6 + codemirror-promql, as in Prometheus's own UI): highlighting,
 * the library's linter, completion of functions and of the server's metric names, label names and
 * values through vigil's client. Loaded on demand: see `./index.ts`.
 */
export default function PromQLEditor({ value, onChange, onRun, labelledBy, describedBy, client, completionRange }: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  // Naming changes (an error appears) without rebuilding the editor, which would lose the cursor.
  const [naming] = useState(() => new Compartment());
  // CodeMirror keeps the extensions it was built with; these refs let them call the latest props.
  const latest = useRef({ value, onChange, onRun, completionRange, labelledBy, describedBy });
  useEffect(() => {
    latest.current = { value, onChange, onRun, completionRange, labelledBy, describedBy };
  });
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const adapter = client ? createPromQLClientAdapter(client, { range: () => latest.current.completionRange }) : undefined;
    const promql = new PromQLExtension().setComplete({ remote: adapter, maxMetricsMetadata: COMPLETION_LIMITS.metadataMetrics });
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: (target) => (latest.current.onRun(target.state.doc.toString()), true) }])),
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
          syntaxHighlighting(highlight),
          theme,
          EditorView.lineWrapping,
          placeholder('PromQL, e.g. rate(http_requests_total[5m])'),
          naming.of(namingAttributes(latest.current.labelledBy, latest.current.describedBy)),
          promql.asExtension(),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
            const next = diagnosticsOf(update.state);
            setProblems((shown) => (shown.length === next.length && shown.every((m, i) => m === next[i]) ? shown : next));
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
      adapter?.destroy?.();
    };
  }, [client, naming]);

  useEffect(() => {
    view.current?.dispatch({ effects: naming.reconfigure(namingAttributes(labelledBy, describedBy)) });
  }, [naming, labelledBy, describedBy]);

  // A value set from outside (Reset, another run) replaces the text; typing comes back equal.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return (
    <div className="promql-editor">
      <div ref={host} />
      {problems.length > 0 && (
        <ul className="promql-lint" aria-label="Problems the editor found">
          {problems.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

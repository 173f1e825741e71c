import { lazy } from 'react';

/**
 * The PromQL editor, loaded on first use: CodeMirror and codemirror-promql are a chunk of their
 * own, so the wall display and the first load never fetch them.
 */
export const PromQLEditor = lazy(() => import('./PromQLEditor'));
export type { PromQLEditorProps } from './PromQLEditor';
export type { CompletionRange } from './promqlClientAdapter';

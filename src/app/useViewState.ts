import { useCallback, useEffect, useState } from 'react';
import { decodeViewState, encodeViewState, type DecodeContext, type ViewState } from '../url';

export type HistoryMode = 'push' | 'replace';

interface ViewStateHandle {
  readonly view: ViewState;
  readonly notices: readonly string[];
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly dismissNotices: () => void;
}

function readLocation(context: Omit<DecodeContext, 'now'>) {
  return decodeViewState(window.location.search, window.location.hash, { ...context, now: Date.now() });
}

/**
 * The URL is the view state. It is decoded once before the first render (so a link never flashes
 * the default view), every change is written back — `replace` for continuous changes, `push` for
 * discrete ones so Back/Forward walk through an investigation — and Back/Forward decode it again.
 */
export function useViewState(context: Omit<DecodeContext, 'now'>): ViewStateHandle {
  const [initial] = useState(() => readLocation(context));
  const [view, setViewState] = useState<ViewState>(initial.state);
  const [notices, setNotices] = useState<readonly string[]>(initial.notices);

  const setView = useCallback((next: ViewState, mode: HistoryMode) => {
    setViewState(next);
    const url = `${window.location.pathname}${encodeViewState(next)}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  const contextKey = JSON.stringify(context);
  useEffect(() => {
    const onPop = () => {
      const decoded = readLocation(JSON.parse(contextKey) as Omit<DecodeContext, 'now'>);
      setViewState(decoded.state);
      setNotices(decoded.notices);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [contextKey]);

  const dismissNotices = useCallback(() => setNotices([]), []);
  return { view, notices, setView, dismissNotices };
}

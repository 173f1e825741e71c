import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, isFragmentCompressorLoaded, loadFragmentCompressor, type DecodeContext, type ViewState } from '../url';

export type HistoryMode = 'push' | 'replace';

interface ViewStateHandle {
  readonly view: ViewState;
  readonly notices: readonly string[];
  readonly setView: (next: ViewState, mode: HistoryMode) => void;
  readonly dismissNotices: () => void;
}

/** Writes the view into the address bar; true when its link has a `#z=` fragment. */
function writeLocation(view: ViewState, mode: HistoryMode): boolean {
  const encoded = encodeViewState(view);
  const url = `${window.location.pathname}${encoded}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  return encoded.includes('#');
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

  const latest = useRef(initial.state);

  const setView = useCallback((next: ViewState, mode: HistoryMode) => {
    latest.current = next;
    setViewState(next);
    const hasFragment = writeLocation(next, mode);
    // A `#z=` written before the fragment compressor arrived is uncompressed; once it is here, the
    // same entry gets the short form (unless the view has moved on and been written again).
    if (hasFragment && !isFragmentCompressorLoaded()) {
      void loadFragmentCompressor().then(() => {
        if (latest.current === next && isFragmentCompressorLoaded()) writeLocation(next, 'replace');
      });
    }
  }, []);

  const contextKey = JSON.stringify(context);
  useEffect(() => {
    const onPop = () => {
      const decoded = readLocation(JSON.parse(contextKey) as Omit<DecodeContext, 'now'>);
      latest.current = decoded.state;
      setViewState(decoded.state);
      setNotices(decoded.notices);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [contextKey]);

  const dismissNotices = useCallback(() => setNotices([]), []);
  return { view, notices, setView, dismissNotices };
}

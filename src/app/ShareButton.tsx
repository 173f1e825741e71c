import { useId, useState } from 'react';
import { buildUrl, freezeRange, type ViewState } from '../url';
import type { ResolvedRange } from '../time';

interface Props {
  readonly view: ViewState;
  readonly resolved: ResolvedRange;
}

function pageBase(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/**
 * Copies a permalink that freezes a relative range to the instants on screen (a link to "last 1h"
 * opened tomorrow shows the same hour) and offers the live link too. The links are plain text
 * fields as well, so sharing works without the clipboard API.
 */
export function ShareButton({ view, resolved }: Props) {
  const [open, setOpen] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const permalinkId = useId();
  const liveId = useId();
  const permalink = buildUrl(pageBase(), freezeRange(view, resolved));
  const live = buildUrl(pageBase(), view);

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setToast(`${what} copied to the clipboard`);
    } catch {
      setToast('The clipboard is not available here: select the link and copy it');
    }
  };

  return (
    <span className="share">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!open) void copy(permalink, 'Permalink');
        }}
      >
        Share
      </button>
      {open && (
        <div className="share-dialog" role="dialog" aria-label="Share this view">
          <label htmlFor={permalinkId}>Permalink (this exact time window)</label>
          <input id={permalinkId} readOnly value={permalink} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void copy(permalink, 'Permalink')}>
            Copy permalink
          </button>
          <label htmlFor={liveId}>Live link (moves with time)</label>
          <input id={liveId} readOnly value={live} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void copy(live, 'Live link')}>
            Copy live link
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
      {toast && (
        <span role="status" className="toast" onAnimationEnd={() => setToast(null)}>
          {toast}
        </span>
      )}
    </span>
  );
}

import { summarizeNotices } from './notices';

/** What a link asked for that could not be honoured, said plainly; the rest of the view is shown. */
export function NoticeBar({ notices, onDismiss }: { notices: readonly string[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  const { listed, more } = summarizeNotices(notices);
  return (
    <div className="notice-bar" role="status" aria-label="Link notices">
      <strong>Parts of this link were ignored:</strong>
      <ul>
        {listed.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {more > 0 && <li>…and {more} more</li>}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

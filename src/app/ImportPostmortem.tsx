import { useId, useState } from 'react';
import { parsePostmortem, type Incident } from '../incidents';
import { FRAGMENT_LIMITS } from '../url';

interface Props {
  readonly timezone: string;
  readonly onImport: (incident: Incident) => void;
}

/** A short stable id from the text, so importing the same document twice gives the same incident. */
function idFor(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return `imported-${(hash >>> 0).toString(36)}`;
}

/**
 * Paste (or open) a postmortem to overlay it. It is parsed as text, never inserted as HTML; the
 * parsed incident travels in the link's fragment, so whoever opens the link sees it too.
 */
export function ImportPostmortem({ timezone, onImport }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const read = () => {
    const result = parsePostmortem(text, { id: idFor(text), timezone });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (result.incident.events.length > FRAGMENT_LIMITS.eventsPerIncident) {
      setError(`This postmortem has ${result.incident.events.length} events; a link can carry ${FRAGMENT_LIMITS.eventsPerIncident}.`);
      return;
    }
    setError(null);
    setText('');
    setOpen(false);
    onImport(fitForLink(result.incident));
  };
  return (
    <span className="import-postmortem">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Import postmortem
      </button>
      {open && (
        <div className="share-dialog" role="dialog" aria-label="Import a postmortem">
          <label htmlFor={textId}>Paste the postmortem (HTML or text); times without a zone are read in {timezone}</label>
          <textarea id={textId} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
          <input
            type="file"
            aria-label="Open a postmortem file"
            accept=".txt,.md,.html,.htm,text/*"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
          {error && (
            <p role="alert" className="input-error">
              {error}
            </p>
          )}
          <div>
            <button type="button" onClick={read} disabled={text.trim() === ''}>
              Overlay this incident
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </span>
  );
}

/** Long texts are cut to what a link carries, so the link that shares this view stays valid. */
function fitForLink(incident: Incident): Incident {
  const cut = (text: string | undefined) => (text === undefined || text.length <= FRAGMENT_LIMITS.textChars ? text : `${text.slice(0, FRAGMENT_LIMITS.textChars - 1)}…`);
  return {
    ...incident,
    title: cut(incident.title) ?? '',
    summary: cut(incident.summary),
    impact: cut(incident.impact),
    rootCause: cut(incident.rootCause),
    severity: cut(incident.severity),
    events: incident.events.map((e) => ({ ...e, text: cut(e.text) ?? '' })),
  };
}

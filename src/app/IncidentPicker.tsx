import { useId, useState } from 'react';
import type { Incident } from '../incidents';

interface Props {
  /** This site's incidents (config.json), in catalog order. */
  readonly catalog: readonly Incident[];
  /** Ids of the catalog incidents shown. */
  readonly shownIds: readonly string[];
  /** Colour per incident id, as the charts draw it. */
  readonly colors: ReadonlyMap<string, string>;
  readonly onToggle: (id: string) => void;
  /** Incidents that came with the link (its fragment), not from this site. */
  readonly fromLink: readonly Incident[];
  readonly onRemoveFromLink: (id: string) => void;
}

/**
 * Which incidents the charts overlay: the site's, one checkbox each, in the colour it is drawn in;
 * then those the link brought, each with a button that takes it out of the view and the link (it
 * exists nowhere else, so there is nothing to tick back on).
 */
export function IncidentPicker({ catalog, shownIds, colors, onToggle, fromLink, onRemoveFromLink }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (catalog.length === 0 && fromLink.length === 0) return null;
  const shown = new Set(shownIds);
  const total = catalog.length + fromLink.length;
  return (
    <div
      className="incident-picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Incidents ({shown.size + fromLink.length} of {total})
      </button>
      <div id={listId} className="incident-picker-list" hidden={!open}>
        {catalog.length > 0 && (
          <fieldset>
            <legend>Incidents shown</legend>
            {catalog.map((incident) => (
              <label key={incident.id}>
                <input type="checkbox" checked={shown.has(incident.id)} onChange={() => onToggle(incident.id)} />
                <span className="incident-swatch" style={{ background: colors.get(incident.id) }} aria-hidden="true" />
                {incident.title}
              </label>
            ))}
          </fieldset>
        )}
        {fromLink.length > 0 && (
          <>
            <p id={`${listId}-link`} className="incident-picker-heading">From this link</p>
            <ul aria-labelledby={`${listId}-link`}>
              {fromLink.map((incident) => (
                <li key={incident.id}>
                  <span className="incident-swatch" style={{ background: colors.get(incident.id) }} aria-hidden="true" />
                  {incident.title}
                  <button type="button" onClick={() => onRemoveFromLink(incident.id)}>
                    Remove {incident.title}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

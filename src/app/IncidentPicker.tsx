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
}

/** Which of the site's incidents the charts overlay: one checkbox each, in the colour it is drawn in. */
export function IncidentPicker({ catalog, shownIds, colors, onToggle }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (catalog.length === 0) return null;
  const shown = new Set(shownIds);
  return (
    <div
      className="incident-picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Incidents ({shown.size} of {catalog.length})
      </button>
      <fieldset id={listId} className="incident-picker-list" hidden={!open}>
        <legend>Incidents shown</legend>
        {catalog.map((incident) => (
          <label key={incident.id}>
            <input type="checkbox" checked={shown.has(incident.id)} onChange={() => onToggle(incident.id)} />
            <span className="incident-swatch" style={{ background: colors.get(incident.id) }} aria-hidden="true" />
            {incident.title}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

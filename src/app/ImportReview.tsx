import { useId, useState } from 'react';
import { INCIDENT_EVENT_KINDS, type IncidentEventKind } from '../annotations';
import { validateIncident, type Incident, type PostmortemReading } from '../incidents';
import { IncidentFacts } from '../incidents/IncidentFacts';
import { addEvent, dropEvent, parseWallClockInput, setEventTime, setTimezone, setWindow, windowRefusal } from '../incidents/editIncident';
import { lineReference, readingNotes, timezoneSentence, unplacedHeading, windowSentence } from '../incidents/readingWords';
import { formatTime, resolveTimezone } from '../time';
import { FRAGMENT_LIMITS } from '../url';
import { WallClockField } from './WallClockField';

interface Props {
  /** The incident as the postmortem was read. */
  readonly incident: Incident;
  readonly reading: PostmortemReading;
  /** The page's timezone: offered first when the postmortem names none. */
  readonly pageZone: string;
  readonly onShow: (incident: Incident) => void;
  readonly onCancel: () => void;
}

/** Zones to read an unzoned postmortem in: the likely ones first, then every zone the browser knows. */
function zoneChoices(first: readonly string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...first, 'UTC', resolveTimezone('browser'), ...known])];
}

const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

/**
 * What vigil read from a postmortem, before anything is overlaid: title, window and the rule that
 * chose it, timezone and whether the document stated it, events, impact, root cause and the lines
 * it could not place. Each can be fixed here; only "Show on charts" puts the incident on the page.
 */
export function ImportReview({ incident: read, reading, pageZone, onShow, onCancel }: Props) {
  const [incident, setIncident] = useState(read);
  const [windowEdited, setWindowEdited] = useState(false);
  const [windowError, setWindowError] = useState<string | null>(null);
  const [newTime, setNewTime] = useState('');
  const [newKind, setNewKind] = useState<IncidentEventKind>('other');
  const [newText, setNewText] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const headingId = useId();
  const zone = incident.timezone;
  const zoneStated = incident.timezoneSource?.kind === 'stated' || incident.timezoneSource?.kind === 'stated-offset';
  const problems = validateIncident(incident);
  const notes = readingNotes(incident, { ...reading, timingProblems: problems });
  const tooManyEvents = incident.events.length > FRAGMENT_LIMITS.eventsPerIncident;

  const changeWindow = (start: number, end: number | undefined) => {
    const refusal = windowRefusal(start, end);
    setWindowError(refusal);
    if (refusal) return;
    setIncident(setWindow(incident, start, end));
    setWindowEdited(true);
  };

  const add = () => {
    const time = parseWallClockInput(newTime, zone);
    if (time === null) {
      setAddError(`New event time: "${newTime}" is not a time like 2024-01-15 10:15 (in ${zone}).`);
      return;
    }
    if (newText.trim() === '') {
      setAddError('New event text: say what happened.');
      return;
    }
    setAddError(null);
    setIncident(addEvent(incident, { time, kind: newKind, text: newText.trim() }));
    setNewTime('');
    setNewText('');
  };

  return (
    <section className="import-review" aria-labelledby={headingId}>
      <h3 id={headingId}>Review before showing: {incident.title}</h3>
      <dl className="import-review-facts">
        <dt>Window</dt>
        <dd>
          <WallClockField key={`start-${incident.start}-${zone}`} label="Window start" value={incident.start} zone={zone} onCommit={(ms) => ms !== undefined && changeWindow(ms, incident.end)} />
          {' – '}
          <WallClockField key={`end-${incident.end}-${zone}`} label="Window end" value={incident.end} zone={zone} optional onCommit={(ms) => changeWindow(incident.start, ms)} />
          {windowError && (
            <span role="alert" className="input-error">
              {windowError}
            </span>
          )}
          <p className="incident-reading-note">{windowEdited ? 'Window set by you.' : windowSentence(reading)}</p>
        </dd>
        <dt>Timezone</dt>
        <dd>
          {!zoneStated && (
            <p>
              The postmortem names no timezone; read its times in{' '}
              <select aria-label="Timezone of the postmortem" value={zone} onChange={(event) => setIncident(setTimezone(incident, event.target.value))}>
                {zoneChoices([zone, pageZone, reading.requestedZone]).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p className="incident-reading-note">{timezoneSentence(incident, reading)}</p>
        </dd>
        <IncidentFacts incident={incident} />
      </dl>

      <table className="import-review-events" aria-label="Events read">
        <thead>
          <tr>
            <th scope="col">Time ({zone})</th>
            <th scope="col">Kind</th>
            <th scope="col">What happened</th>
            <th scope="col">Drop</th>
          </tr>
        </thead>
        <tbody>
          {incident.events.map((event, index) => (
            <tr key={`${index}-${event.time}-${event.text}`}>
              <td>
                <WallClockField key={`${event.time}-${zone}`} label={`Time of event ${index + 1}: ${short(event.text)}`} value={event.time} zone={zone} onCommit={(ms) => ms !== undefined && setIncident(setEventTime(incident, index, ms))} />
              </td>
              <td>{event.kind}</td>
              <td>{event.text}</td>
              <td>
                <button type="button" onClick={() => setIncident(dropEvent(incident, index))} aria-label={`Drop event ${index + 1}: ${short(event.text)}`}>
                  Drop
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="import-review-add">
        <legend>Add an event</legend>
        <input type="text" aria-label="New event time" placeholder="YYYY-MM-DD HH:MM" size={19} value={newTime} onChange={(event) => setNewTime(event.target.value)} />
        <select aria-label="New event kind" value={newKind} onChange={(event) => setNewKind(event.target.value as IncidentEventKind)}>
          {INCIDENT_EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
        <input type="text" aria-label="New event text" value={newText} maxLength={FRAGMENT_LIMITS.textChars} onChange={(event) => setNewText(event.target.value)} />
        <button type="button" onClick={add}>
          Add event
        </button>
        {addError && (
          <span role="alert" className="input-error">
            {addError}
          </span>
        )}
      </fieldset>

      {(notes.length > 0 || reading.unplacedLines.length > 0) && (
        <ul className="incident-notes" aria-label="Notes on this import">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {reading.unplacedLines.length > 0 && (
            <li>
              {unplacedHeading(reading)}
              <ul aria-label="Timeline lines not placed">
                {reading.unplacedLines.map((line, index) => (
                  <li key={index}>{lineReference(line)}</li>
                ))}
                {reading.unplacedLineCount > reading.unplacedLines.length && <li>and {reading.unplacedLineCount - reading.unplacedLines.length} more</li>}
              </ul>
            </li>
          )}
        </ul>
      )}
      {tooManyEvents && (
        <p role="alert" className="input-error">
          {incident.events.length} events; a link can carry {FRAGMENT_LIMITS.eventsPerIncident}. Drop some before showing it.
        </p>
      )}
      <p className="import-review-summary">
        {incident.events.length} event{incident.events.length === 1 ? '' : 's'}, {formatTime(incident.start, zone, 'datetime')} – {incident.end === undefined ? 'still open' : formatTime(incident.end, zone, 'datetime')} ({zone})
      </p>
      <div>
        <button type="button" onClick={() => onShow(incident)} disabled={tooManyEvents}>
          Show on charts
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

import type { Incident } from './model';
import type { PostmortemReading } from './reading';
import { lineReference, readingNotes, timezoneSentence, unplacedHeading, windowSentence } from './readingWords';

interface Props {
  readonly incident: Incident;
  /** Absent for an incident that came in a link: only what the incident itself carries is known. */
  readonly reading?: PostmortemReading;
}

/** How the incident was read from its postmortem: its timezone, its window, and what did not fit. */
export function IncidentReadingFacts({ incident, reading }: Props) {
  const notes = reading ? readingNotes(incident, reading) : [];
  const unplaced = reading?.unplacedLines ?? [];
  const more = (reading?.unplacedLineCount ?? 0) - unplaced.length;
  return (
    <div className="incident-reading">
      <p className="incident-reading-note">{timezoneSentence(incident, reading)}</p>
      {reading && <p className="incident-reading-note">{windowSentence(reading)}</p>}
      {(notes.length > 0 || unplaced.length > 0) && (
        <ul className="incident-notes" aria-label="Notes on this incident">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {reading && unplaced.length > 0 && (
            <li>
              {unplacedHeading(reading)}
              <ul aria-label="Timeline lines not placed">
                {unplaced.map((line, index) => (
                  <li key={index}>{lineReference(line)}</li>
                ))}
                {more > 0 && <li>and {more} more</li>}
              </ul>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

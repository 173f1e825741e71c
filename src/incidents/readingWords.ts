/** The page's words for the facts of how an incident was read (see PostmortemReading). */
import type { Incident } from './model';
import type { PostmortemReading, ReadLine } from './reading';
import { isoDay, mentionsInWords } from './yearWords';

/** Which zone the incident's times are in, and whether the postmortem said so. */
export function timezoneSentence(incident: Incident, reading?: PostmortemReading): string {
  const zone = incident.timezone;
  const source = incident.timezoneSource;
  switch (source?.kind) {
    case undefined:
      return `Incident times read as ${zone}.`;
    case 'assumed':
      return `Incident times read as ${zone}: the postmortem names no timezone.`;
    case 'stated-offset':
      return `Incident times read at the offset the postmortem states (${source.written}); it has no IANA zone name, so they are converted exactly and shown in ${zone}.`;
    case 'stated': {
      const written = source.written === zone ? '' : ` ("${source.written}")`;
      const instead = reading && reading.requestedZone !== zone ? `, not as ${reading.requestedZone}` : '';
      return `Incident times read as ${zone}, as the postmortem states${written}${instead}.`;
    }
  }
}

export function lineReference(line: ReadLine): string {
  return line.number === undefined ? `"${line.text}"` : `line ${line.number}: "${line.text}"`;
}

/** Which rule chose the outage window, and from which line. */
export function windowSentence(reading: PostmortemReading): string {
  const { endLine } = reading.window;
  const chosen = startSentence(reading);
  return endLine ? `${chosen} The timeline holds no resolution; the end is the one written after it, ${lineReference(endLine)}.` : chosen;
}

function startSentence(reading: PostmortemReading): string {
  const line = lineReference(reading.window.line);
  switch (reading.window.rule) {
    case 'outage-line':
      return `Outage window read from the line that names the outage, ${line}.`;
    case 'time-range':
      return `No line names the outage; the window was read from the first time range, ${line}.`;
    case 'start-end-lines':
      return `Outage window read from the "Start:" and "End:" lines, starting at ${line}.`;
    case 'start-end-sentences':
      return `No sentence gives the outage window as a range; it starts where the postmortem says the outage began, ${line}, and ends where it says it ended or the timeline's resolution.`;
    case 'timeline-markers':
      return `No sentence states the outage window; it was read from the timeline entries that mark its beginning and end, starting at ${line}.`;
    case 'impact-to-resolution':
      return `No sentence states the outage window; it runs from the first impact or detection in the timeline, ${line}, to the resolution.`;
  }
}

/** How the year of a document that writes none was worked out; a guess to check, never silent. */
export function yearSentence(reading: PostmortemReading): string | undefined {
  const found = reading.yearFromWeekdays;
  if (!found) return undefined;
  return `No year stated: ${found.year} is the latest year up to ${isoDay(found.readOn)} in which ${mentionsInWords(found.mentions)} — check it.`;
}

/** What the reader of the page should know before trusting the incident's events. */
export function readingNotes(incident: Incident, reading: PostmortemReading): string[] {
  const notes: string[] = [];
  const year = yearSentence(reading);
  if (year) notes.push(year);
  if (reading.readOnlyChars !== undefined) {
    notes.push(`The document is longer than ${reading.readOnlyChars.toLocaleString('en-US')} characters; only its beginning was read.`);
  }
  if (incident.events.length === 0) {
    notes.push(
      reading.timelineSection
        ? 'The Timeline section has no entries like "10:15 AM: …"; the incident has no events.'
        : 'No timeline found (expected lines like "10:15 AM: An engineer confirmed the alert"); the incident has no events.',
    );
  }
  if (reading.readOnlyEvents !== undefined) notes.push(`Only the first ${reading.readOnlyEvents} timeline entries were read.`);
  notes.push(...reading.timingProblems);
  return notes;
}

/** The lead-in to the list of timeline lines that hold a time but are no event. */
export function unplacedHeading(reading: PostmortemReading): string {
  const count = reading.unplacedLineCount;
  const where = reading.timelineSection ? ' under the Timeline heading' : '';
  return count === 1
    ? `One line${where} holds a time but could not be placed as an event:`
    : `${count} lines${where} hold a time but could not be placed as events:`;
}

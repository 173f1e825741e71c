/**
 * An Incident from a written postmortem (HTML or plain text): the outage window, the timeline as
 * typed events, impact, root cause, severity and a title. Never throws; a document it cannot read
 * gets `{ ok: false, error }` naming what was missing.
 */

import type { ZoneSpec } from './civilTime';
import { ianaNameOf, isIanaTimeZone } from './civilTime';
import { extractTextLines } from './extractText';
import type { Incident } from './model';
import { findOutageWindow, findStatedZone } from './outageWindow';
import { firstSentence, readImpact, readRootCause, readSeverity, readSummaryField, readTitle } from './postmortemFields';
import { classifyLines } from './postmortemLines';
import { MAX_EVENTS, readTimeline } from './postmortemTimeline';
import { validateIncident } from './validateIncident';

export type ParseResult =
  | { ok: true; incident: Incident; notes: string[] }
  | { ok: false; error: string };

export interface ParsePostmortemOptions {
  readonly id: string;
  /** IANA zone the document's wall-clock times are read in unless it states one; default 'UTC'. */
  readonly timezone?: string;
}

const BINARY_SAMPLE_CHARS = 8192;
/**
 * Real postmortems are a few kilobytes; reading at most this much keeps a hostile multi-megabyte
 * document well under a second on a slow machine, with room for any genuine one.
 */
export const MAX_SOURCE_CHARS = 1_000_000;

/** Binary data decoded as text shows NULs, control characters and U+FFFD replacement characters. */
function looksBinary(source: string): boolean {
  const sample = source.slice(0, BINARY_SAMPLE_CHARS);
  if (sample.includes('\u0000')) return true;
  let suspicious = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    const control = (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (code >= 0x7f && code < 0xa0);
    if (control || code === 0xfffd) suspicious += 1;
  }
  return suspicious > sample.length * 0.05;
}

function zoneLabel(zone: ZoneSpec): string {
  return zone.kind === 'iana' ? zone.name : zone.label;
}

function parse(source: unknown, options: ParsePostmortemOptions): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: 'The postmortem is not text.' };
  if (!source.trim()) return { ok: false, error: 'The postmortem is empty.' };
  if (looksBinary(source)) return { ok: false, error: 'The postmortem is not readable text (it looks like binary data).' };
  const requestedZone = options.timezone ?? 'UTC';
  if (!isIanaTimeZone(requestedZone)) {
    return { ok: false, error: `Unknown time zone "${requestedZone}" (expected an IANA name like "Europe/Berlin").` };
  }

  const truncated = source.length > MAX_SOURCE_CHARS;
  const lines = classifyLines(extractTextLines(truncated ? source.slice(0, MAX_SOURCE_CHARS) : source));
  const defaultZone: ZoneSpec = findStatedZone(lines) ?? { kind: 'iana', name: requestedZone };
  const found = findOutageWindow(lines, defaultZone);
  if (!found.ok) return { ok: false, error: found.error };
  const { window } = found;

  const notes: string[] = [];
  if (truncated) notes.push(`The document is longer than ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters; only its beginning was read.`);
  const timezone = ianaNameOf(window.zone);
  if (timezone === undefined) {
    notes.push(`The document's offset ${zoneLabel(window.zone)} has no IANA zone name; times are converted exactly but shown in UTC.`);
  } else if (timezone !== requestedZone) {
    notes.push(`Times were read in ${zoneLabel(window.zone)}, as the document states, not in ${requestedZone}.`);
  }

  const timeline = readTimeline(lines, window);
  if (timeline.events.length === 0) {
    notes.push(
      timeline.hasTimelineSection
        ? 'The Timeline section has no entries like "10:15 AM: …"; the incident has no events.'
        : 'No timeline found (expected lines like "10:15 AM: An engineer confirmed the alert"); the incident has no events.',
    );
  }
  if (timeline.truncated) notes.push(`Only the first ${MAX_EVENTS} timeline entries were read.`);

  const impact = readImpact(lines);
  const rootCause = readRootCause(lines);
  const severity = readSeverity(lines);
  const summarySource = impact ?? readSummaryField(lines);
  const incident: Incident = {
    id: options.id,
    title: readTitle(lines, rootCause, window.startDate),
    ...(severity && { severity }),
    ...(summarySource && { summary: firstSentence(summarySource) }),
    ...(impact && { impact }),
    ...(rootCause && { rootCause }),
    start: window.start,
    end: window.end,
    events: timeline.events,
    timezone: timezone ?? 'UTC',
  };
  notes.push(...validateIncident(incident));
  return { ok: true, incident, notes };
}

export function parsePostmortem(source: string, options: ParsePostmortemOptions): ParseResult {
  try {
    return parse(source, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The postmortem could not be read: ${reason}` };
  }
}

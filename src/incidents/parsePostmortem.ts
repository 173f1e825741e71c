/**
 * An Incident from a written postmortem (HTML or plain text): the outage window, the timeline as
 * typed events, impact, root cause, severity and a title. Never throws; a document it cannot read
 * gets `{ ok: false, error }` naming what was missing.
 */

import type { ZoneSpec } from './civilTime';
import { isValidTimezone } from '../time';
import { ianaNameOf } from './civilTime';
import { extractTextLines } from './extractText';
import type { Incident, TimezoneSource } from './model';
import { findOutageWindow, findStatedZone, type OutageWindow } from './outageWindow';
import { firstSentence, readImpact, readRootCause, readSeverity, readSummaryField, readTitle } from './postmortemFields';
import { classifyLines } from './postmortemLines';
import { MAX_EVENTS, readTimeline } from './postmortemTimeline';
import { readLine, type PostmortemReading } from './reading';
import { validateIncident } from './validateIncident';

/** The incident and how it was read (facts, for the page to word), or why the document could not be read. */
export type ParseResult =
  | { ok: true; incident: Incident; reading: PostmortemReading }
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

function timezoneSourceOf(window: OutageWindow, statedZone: ZoneSpec | undefined, ianaName: string | undefined): TimezoneSource {
  if (!window.zoneWritten && statedZone === undefined) return { kind: 'assumed' };
  const written = zoneLabel(window.zone);
  return ianaName === undefined ? { kind: 'stated-offset', written } : { kind: 'stated', written };
}

function parse(source: unknown, options: ParsePostmortemOptions): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: 'The postmortem is not text.' };
  if (!source.trim()) return { ok: false, error: 'The postmortem is empty.' };
  if (looksBinary(source)) return { ok: false, error: 'The postmortem is not readable text (it looks like binary data).' };
  const requestedZone = options.timezone ?? 'UTC';
  if (!isValidTimezone(requestedZone)) {
    return { ok: false, error: `Unknown time zone "${requestedZone}" (expected an IANA name like "Europe/Berlin").` };
  }

  const truncated = source.length > MAX_SOURCE_CHARS;
  const lines = classifyLines(extractTextLines(truncated ? source.slice(0, MAX_SOURCE_CHARS) : source));
  const statedZone = findStatedZone(lines);
  const defaultZone: ZoneSpec = statedZone ?? { kind: 'iana', name: requestedZone };
  const found = findOutageWindow(lines, defaultZone);
  if (!found.ok) return { ok: false, error: found.error };
  const { window } = found;
  const timezone = ianaNameOf(window.zone);
  const timeline = readTimeline(lines, window);

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
    timezoneSource: timezoneSourceOf(window, statedZone, timezone),
  };
  const reading: PostmortemReading = {
    requestedZone,
    window: { rule: window.rule, line: readLine(lines[window.lineIndex]) },
    timelineSection: timeline.hasTimelineSection,
    unplacedLines: timeline.unplaced.map((index) => readLine(lines[index])),
    unplacedLineCount: timeline.unplacedCount,
    ...(truncated && { readOnlyChars: MAX_SOURCE_CHARS }),
    ...(timeline.truncated && { readOnlyEvents: MAX_EVENTS }),
    timingProblems: validateIncident(incident),
  };
  return { ok: true, incident, reading };
}

export function parsePostmortem(source: string, options: ParsePostmortemOptions): ParseResult {
  try {
    return parse(source, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The postmortem could not be read: ${reason}` };
  }
}

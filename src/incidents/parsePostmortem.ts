/**
 * An Incident from a written postmortem (HTML or plain text): the outage window, the timeline as
 * typed events, impact, root cause, severity and a title. Never throws; a document it cannot read
 * gets `{ ok: false, error }` naming what was missing.
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import { isValidTimezone } from '../time';
import { civilDateIn, ianaNameOf } from './civilTime';
import { extractTextLines } from './extractText';
import type { Incident, TimezoneSource } from './model';
import { documentDate, documentZone, readFrontMatter } from './documentContext';
import { firstSentence, readImpact, readRootCause, readSeverity, readSummaryField, readTitle } from './postmortemFields';
import { metadataCommentLines } from './commentMetadata';
import { classifyLines } from './postmortemLines';
import { MAX_EVENTS, readTimeline } from './postmortemTimeline';
import { readLine, type PostmortemReading } from './reading';
import { openingEvent } from './statusEntryOpening';
import { validateIncident } from './validateIncident';
import { inferredWindow, statedWindow } from './windowPrecedence';
import { noYearError, writesNoYear, yearFromDocument } from './yearFromWeekday';

/** The incident and how it was read (facts, for the page to word), or why the document could not be read. */
export type ParseResult =
  | { ok: true; incident: Incident; reading: PostmortemReading }
  | { ok: false; error: string };

export interface ParsePostmortemOptions {
  readonly id: string;
  /** IANA zone the document's wall-clock times are read in unless it states one; default 'UTC'. */
  readonly timezone?: string;
  /**
   * The day the document is read (the page and the CLI pass today's date, tests a fixed one): a
   * document that writes no year takes the latest year up to this day in which its dates fall on
   * the weekdays written beside them (yearFromWeekday.ts). Without it such a document is refused.
   */
  readonly readOn?: CivilDate;
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

function timezoneSourceOf(zone: ZoneSpec | undefined): TimezoneSource {
  if (!zone) return { kind: 'assumed' };
  const written = zoneLabel(zone);
  return ianaNameOf(zone) === undefined ? { kind: 'stated-offset', written } : { kind: 'stated', written };
}

export const NO_WINDOW_OR_TIMELINE_ERROR =
  'No outage window found (expected a line like "Duration of Outage: … from 10:00 AM to 12:30 PM on January 15, 2024", or a timeline of entries like "2024-01-15 10:15 UTC: alert fired")';

function parse(source: unknown, options: ParsePostmortemOptions): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: 'The postmortem is not text.' };
  if (!source.trim()) return { ok: false, error: 'The postmortem is empty.' };
  if (looksBinary(source)) return { ok: false, error: 'The postmortem is not readable text (it looks like binary data).' };
  const requestedZone = options.timezone ?? 'UTC';
  if (!isValidTimezone(requestedZone)) {
    return { ok: false, error: `Unknown time zone "${requestedZone}" (expected an IANA name like "Europe/Berlin").` };
  }

  const truncated = source.length > MAX_SOURCE_CHARS;
  const frontMatter = readFrontMatter(truncated ? source.slice(0, MAX_SOURCE_CHARS) : source);
  const lines = classifyLines(extractTextLines(frontMatter.body));
  const statedZone = documentZone(lines)?.zone;
  const readZone: ZoneSpec = statedZone ?? { kind: 'iana', name: requestedZone };
  const metadataLines = metadataCommentLines(frontMatter.body);
  const writtenDate = documentDate(lines, frontMatter);
  // No year anywhere (text, front matter, metadata): the weekdays beside its dates may tell it.
  const yearFromWeekdays = writtenDate || !writesNoYear([...lines, ...metadataLines]) ? undefined : yearFromDocument(lines, options.readOn);
  const date = writtenDate ?? (yearFromWeekdays?.kind === 'found' ? yearFromWeekdays.documentDate : undefined);

  // Rules 1–2 first: a window stated in words also dates and zones the timeline (windowPrecedence.ts).
  // Metadata comments come after the document's lines, so what the document states wins.
  const windowLines = [...lines, ...metadataLines];
  const stated = statedWindow(windowLines, readZone, date);
  const statedDay = stated.window?.stated;
  const timelineZone = statedDay?.zoneWritten ? statedDay.zone : readZone;
  const timeline = readTimeline(lines, { zone: timelineZone, ...((statedDay?.startDate ?? date) && { date: statedDay?.startDate ?? date }) });
  const opening = openingEvent(frontMatter.opened, lines, timeline.events, timelineZone, frontMatter.title);
  const events = opening ? [opening, ...timeline.events] : timeline.events;
  const inferred = stated.window ? stated : inferredWindow(lines, events, readZone, date);
  const window = inferred.window;
  if (!window) {
    const datelessWindow = stated.error ?? inferred.error;
    const yearMissing = yearFromWeekdays && noYearError(yearFromWeekdays, lines, options.readOn, datelessWindow);
    return { ok: false, error: yearMissing || (datelessWindow ?? NO_WINDOW_OR_TIMELINE_ERROR) };
  }

  const zoneWritten = statedDay?.zoneWritten ? statedDay.zone : (statedZone ?? timeline.writtenZone);
  const zone = zoneWritten ?? readZone;
  const timezone = ianaNameOf(zone);
  const impact = readImpact(lines);
  const rootCause = readRootCause(lines);
  const severity = readSeverity(lines);
  const summarySource = impact ?? readSummaryField(lines);
  const startDate = statedDay?.startDate ?? civilDateIn(window.start, zone);
  const incident: Incident = {
    id: options.id,
    title: frontMatter.title ?? readTitle(lines, rootCause, startDate),
    ...(severity && { severity }),
    ...(summarySource && { summary: firstSentence(summarySource) }),
    ...(impact && { impact }),
    ...(rootCause && { rootCause }),
    start: window.start,
    ...(window.end !== undefined && { end: window.end }),
    events: events.map(({ time, text, kind }) => ({ time, text, kind })),
    timezone: timezone ?? 'UTC',
    timezoneSource: timezoneSourceOf(zoneWritten),
  };
  const reading: PostmortemReading = {
    requestedZone,
    timezoneStated: zoneWritten !== undefined,
    window: {
      rule: window.rule,
      line: readLine(windowLines[window.lineIndex]),
      ...(window.endLineIndex !== undefined && { endLine: readLine(windowLines[window.endLineIndex]) }),
    },
    timelineSection: timeline.hasTimelineSection,
    unplacedLines: timeline.unplaced.map((index) => readLine(lines[index])),
    unplacedLineCount: timeline.unplacedCount,
    ...(truncated && { readOnlyChars: MAX_SOURCE_CHARS }),
    ...(timeline.truncated && { readOnlyEvents: MAX_EVENTS }),
    ...(timeline.newestFirst && { newestFirst: true }),
    ...(yearFromWeekdays?.kind === 'found' && {
      yearFromWeekdays: { year: yearFromWeekdays.year, readOn: yearFromWeekdays.readOn, mentions: yearFromWeekdays.mentions },
    }),
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

/**
 * Which outage window a postmortem states, by rules tried in a fixed order; the first that finds
 * a window wins:
 *
 * 1. 'outage-line': a sentence about the outage or its impact holding a range ("The outage occurred
 *    from 10:00 AM to 12:30 PM", "between 14:05 and 15:40 UTC users saw errors"), a range split over
 *    two lines included. Ranges about another period (data lost between X and Y, a maintenance or
 *    deploy window) are decoys and never chosen (DECOY_RANGE).
 * 2. 'start-end-lines': separate "Start:" / "End:" lines, also those of a metadata comment
 *    (commentMetadata.ts), which the caller puts after the document's own lines.
 * 3. 'timeline-markers': a timeline entry marking the beginning ("OUTAGE BEGINS", "impact began") and
 *    one marking the end ("OUTAGE ENDS", "impact ended"), else the last resolution after it.
 *    Then 'start-end-sentences': prose saying when the outage began ("At 13:07 UTC the main server
 *    failed") and ended ("back up by 7:18am PDT"); without an ending sentence the end is the
 *    timeline's last resolution after the start, and without one of those the incident is open.
 * 4. 'impact-to-resolution': the timeline's first entry that shows impact or its detection (IMPACT
 *    wording, or an entry of kind started/detected/acknowledged; causes before it, "utility power fails - running
 *    on batteries", are lead-up), else its first entry that is not a mitigation or resolution; to
 *    the end: the last resolution within RESOLUTION_HORIZON_MS (later "fixed" entries are follow-ups,
 *    not the outage), where one says the whole service is back (SERVICE_RESTORED: "site status went
 *    green", "normal service is back") the last such one, since a component recovering later (the
 *    bridges) is not the outage. A resolution that a later entry contradicts ("only part of the
 *    subnets are back") ends nothing.
 *    For rules 3 and 4, where the timeline holds no resolution that ends the outage, a dated
 *    resolution sentence in the prose after the timeline's last entry does (the rule keeps its name:
 *    "On February 1st at 17:00 UTC the database was restored", "Around 18:00 UTC the final
 *    restoration steps … were done"), with the same wording and preference for the whole service
 *    as for entries; with none the incident is open (no end).
 * 5. 'time-range': the first range on a line that names nothing else, when there is no timeline.
 *
 * The sentence wins over the timeline because a writer states the window deliberately, while the
 * timeline's first entry is often the cause (a deploy) long before any impact.
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import { addDays, civilDateIn, toEpoch } from './civilTime';
import { eventKind } from './eventKind';
import type { OutageWindow, WindowResult, WindowRule } from './outageWindow';
import { DECOY_RANGE, SENTENCE_END, clockOf, datesWithDocumentYear, findOutageSentences, findStatedWindow, paragraphs } from './outageWindow';
import { scanTimes } from './temporalTokens';
import type { PlacedEvent } from './postmortemTimeline';
import type { DocLine } from './postmortemLines';
import { DAY_MS } from '../time';

const BEGIN_MARKER =
  /\b(?:(?:outage|incident|impact|disruption|degradation|downtime|errors?)\s+(?:begins|began|starts|started|start)|(?:start|beginning|onset) of (?:the )?(?:outage|incident|impact|disruption|degradation))\b/i;
const END_MARKER =
  /\b(?:(?:outage|incident|impact|disruption|degradation|downtime|errors?)\s+(?:ends|ended|end|stopped|stops|is over|was over|over)|end of (?:the )?(?:outage|incident|impact|disruption|degradation))\b/i;
/** A weaker end marker, taken only where no entry says the outage ended ("OUTAGE MITIGATED" then "OUTAGE ENDS"). */
const SETTLED_MARKER = /\b(?:outage|incident|impact|disruption|degradation|downtime)\s+(?:mitigated|resolved)\b/i;
const RESOLUTION_HORIZON_MS = 3 * DAY_MS;
/** Wording of an entry that shows users affected, as opposed to a cause or lead-up nobody saw yet. */
export const IMPACT =
  /\b(?:outage|down ?time|(?:is|was|were|are|went|goes|go) down|offline|unavailable|unreachable|inaccessible|degraded|disrupted|shut(?:s|ting)? ?down|shutdown|stop(?:s|ped)? (?:being|working|responding|serving)|elevated (?:error|latency)|users? (?:could not|cannot|can't|were unable)|partition(?:ed)?|(?:begins?|began|starts?|started) (?:to fail|failing)|requests (?:\w+ )?fail(?:ing)?|(?:error|failure|timeout)s?(?: rates?)?\b[^.;]{0,20}\b(?:rises?|rose|jumps?|jumped|spikes?|spiked|climbs?|climbed|increases?|increased|reach(?:es|ed)?)|latency\b[^.;]{0,20}\b(?:rises?|rose|jumps?|jumped|spikes?|spiked|passes|passed|exceeds|exceeded))\b/i;
/** Kinds of entry that mark the outage under way: it began, was detected, or an incident was opened for it. */
const STARTING_KINDS: ReadonlySet<string> = new Set(['started', 'detected', 'acknowledged']);
/** A resolution of the whole service, not of one component. */
export const SERVICE_RESTORED =
  /\b(?:normal (?:service|operations?)\b[^.;]{0,40}\b(?:back|restored|resumed)|(?:site|service|platform)\b[^.;]{0,20}\b(?:green|fully operational|back (?:up|online|to normal)|restored)|status (?:went|turned|is|was|back to|changed to|set to) green|all systems (?:normal|go|operational)|fully operational|(?:final|last|remaining) (?:restoration|recovery) (?:steps?|work|tasks?)\b[^.;]{0,80}\b(?:done|completed?|finished))/i;
/** A later entry saying a "resolved" one was not the end. */
export const RESOLUTION_CONTRADICTED =
  /\b(?:only (?:part|some|a (?:part|quarter|third|half|fraction|few))|still (?:down|not|unavailable|broken|failing|missing|offline)|not (?:yet )?(?:all|fully|completely) (?:back|restored|recovered)|(?:down|failing|offline|unavailable) again)\b/i;

/** A window found by a rule, before the incident is built. */
export interface ChosenWindow {
  readonly rule: WindowRule;
  readonly start: number;
  /** Undefined where the timeline shows no end yet. */
  readonly end?: number;
  readonly lineIndex: number;
  /** Set where the end came from a resolution in the prose after the timeline: that paragraph's first line. */
  readonly endLineIndex?: number;
  /** Set for the rules that read a stated window: its day and zone. */
  readonly stated?: OutageWindow;
}

function fromTimeline(events: readonly PlacedEvent[]): ChosenWindow | undefined {
  if (events.length === 0) return undefined;
  const begin = events.find((event) => BEGIN_MARKER.test(event.text));
  if (begin) {
    const after = events.filter((event) => event.time >= begin.time && event !== begin);
    const end =
      after.find((event) => END_MARKER.test(event.text)) ??
      after.find((event) => SETTLED_MARKER.test(event.text)) ??
      lastResolution(after, begin.time);
    return { rule: 'timeline-markers', start: begin.time, lineIndex: begin.lineIndex, ...(end && { end: end.time }) };
  }
  const first =
    events.find((event) => STARTING_KINDS.has(event.kind) || (IMPACT.test(event.text) && event.kind !== 'resolved')) ??
    events.find((event) => event.kind !== 'resolved' && event.kind !== 'mitigated') ??
    events[0];
  if (!first) return undefined;
  const end = lastResolution(events.filter((event) => event.time > first.time), first.time);
  return { rule: 'impact-to-resolution', start: first.time, lineIndex: first.lineIndex, ...(end && { end: end.time }) };
}

function lastResolution(events: readonly PlacedEvent[], start: number): PlacedEvent | undefined {
  const withinHorizon = events.filter((event) => event.time - start <= RESOLUTION_HORIZON_MS);
  const contradicted = (event: PlacedEvent) => withinHorizon.some((later) => later.time > event.time && later.kind !== 'resolved' && RESOLUTION_CONTRADICTED.test(later.text));
  const resolved = withinHorizon.filter((event) => event.kind === 'resolved' && !contradicted(event));
  const serviceWide = resolved.filter((event) => SERVICE_RESTORED.test(event.text));
  return serviceWide[serviceWide.length - 1] ?? resolved[resolved.length - 1];
}

/**
 * The end of an outage whose timeline holds no resolution, from the prose after the timeline's last
 * entry: the last sentence with a time and resolution wording (eventKind's, SERVICE_RESTORED) after
 * the start and within RESOLUTION_HORIZON_MS, one restoring the whole service over a partial one. A
 * sentence's time takes the date written before it in the sentence, else the last date of an
 * earlier sentence there ("On February 1st at 17:00 …" then "Around 18:00 …"), else the day of the
 * last entry (the next day where the time would come before that entry).
 */
export function proseResolution(
  lines: readonly DocLine[],
  events: readonly PlacedEvent[],
  start: number,
  zone: ZoneSpec,
  documentDate: CivilDate | undefined,
): { time: number; lineIndex: number } | undefined {
  const last = events.reduce<PlacedEvent | undefined>((latest, event) => (latest && latest.lineIndex >= event.lineIndex ? latest : event), undefined);
  if (!last) return undefined;
  const found: Array<{ time: number; lineIndex: number; serviceWide: boolean }> = [];
  let carried: CivilDate | undefined;
  for (const { text, lineIndex } of paragraphs(lines)) {
    if (lineIndex <= last.lineIndex) continue;
    for (const sentence of text.split(SENTENCE_END)) {
      const dates = datesWithDocumentYear(sentence, documentDate);
      const token = scanTimes(sentence)[0];
      const dateBefore = token && [...dates].reverse().find((date) => date.end <= token.start)?.date;
      const resolves = eventKind(sentence) === 'resolved' || SERVICE_RESTORED.test(sentence);
      if (token && resolves && !DECOY_RANGE.test(sentence) && !RESOLUTION_CONTRADICTED.test(sentence)) {
        const tokenZone = token.zone ?? zone;
        let time: number;
        const day = dateBefore ?? carried;
        if (day) {
          time = toEpoch(day, clockOf(token), tokenZone);
        } else {
          const lastDay = civilDateIn(last.time, tokenZone);
          time = toEpoch(lastDay, clockOf(token), tokenZone);
          if (time < last.time) time = toEpoch(addDays(lastDay, 1), clockOf(token), tokenZone);
        }
        if (time > start && time - start <= RESOLUTION_HORIZON_MS) found.push({ time, lineIndex, serviceWide: SERVICE_RESTORED.test(sentence) });
      }
      const lastDate = dates[dates.length - 1];
      if (lastDate) carried = lastDate.date;
    }
  }
  const serviceWide = found.filter((candidate) => candidate.serviceWide);
  const chosenEnd = serviceWide[serviceWide.length - 1] ?? found[found.length - 1];
  return chosenEnd && { time: chosenEnd.time, lineIndex: chosenEnd.lineIndex };
}

/** The window with its end from the prose after the timeline, where the timeline gave none. */
function endedByProse(window: ChosenWindow, lines: readonly DocLine[], events: readonly PlacedEvent[], zone: ZoneSpec, documentDate: CivilDate | undefined): ChosenWindow {
  if (window.end !== undefined) return window;
  const end = proseResolution(lines, events, window.start, zone, documentDate);
  return end === undefined ? window : { ...window, end: end.time, endLineIndex: end.lineIndex };
}

function chosen(result: WindowResult | undefined): ChosenWindow | undefined {
  if (!result?.ok) return undefined;
  const { window } = result;
  return { rule: window.rule, start: window.start, end: window.end, lineIndex: window.lineIndex, stated: window };
}

/** Rules 1–2: a window the document states in words (it dates and zones the timeline too). */
export function statedWindow(
  lines: readonly DocLine[],
  zone: ZoneSpec,
  documentDate: CivilDate | undefined,
): { window?: ChosenWindow; error?: string } {
  const found = findStatedWindow(lines, zone, documentDate, false);
  const window = chosen(found);
  if (window) return { window };
  return found && !found.ok ? { error: found.error } : {};
}

/** Rules 3 to 5 (sentences among them), once the timeline is read. */
export function inferredWindow(
  lines: readonly DocLine[],
  events: readonly PlacedEvent[],
  zone: ZoneSpec,
  documentDate: CivilDate | undefined,
): { window?: ChosenWindow; error?: string } {
  const timeline = fromTimeline(events);
  const ended = (window: ChosenWindow) => ({ window: endedByProse(window, lines, events, zone, documentDate) });
  if (timeline?.rule === 'timeline-markers') return ended(timeline);
  const sentences = findOutageSentences(lines, zone, documentDate);
  if (sentences) {
    const { start } = sentences;
    const end = sentences.end?.time ?? lastResolution(events.filter((event) => event.time > start.time), start.time)?.time;
    return ended({ rule: 'start-end-sentences', start: start.time, lineIndex: start.lineIndex, ...(end !== undefined && { end }) });
  }
  if (timeline) return ended(timeline);
  const found = findStatedWindow(lines, zone, documentDate, true);
  const window = chosen(found);
  if (window) return { window };
  return found && !found.ok ? { error: found.error } : {};
}

import type { CivilDate } from './civilTime';
import type { WindowRule } from './outageWindow';
import type { WeekdayMention } from './yearFromWeekday';

export type { WindowRule };

/** A line of the postmortem as the reader saw it. */
export interface ReadLine {
  /** 1-based line of the source; plain-text documents only (an HTML document's lines are laid out, not written). */
  readonly number?: number;
  /** The line's text, cut to MAX_READ_LINE_CHARS. */
  readonly text: string;
}

/** Lines are quoted to show which one was meant, not to reproduce them. */
export const MAX_READ_LINE_CHARS = 200;

/**
 * How a postmortem was read, as facts for the page to put in words. Whether the document stated its
 * timezone travels with the incident itself (`Incident.timezoneSource`), so links keep it.
 */
export interface PostmortemReading {
  /** The zone the reader was given for times the document writes without one. */
  readonly requestedZone: string;
  /** Whether the document states the zone of its times (else they were read in `requestedZone`); as Incident.timezoneSource says. */
  readonly timezoneStated: boolean;
  /** The rule that chose the outage window (see windowPrecedence.ts), and the line it was read from. */
  readonly window: {
    readonly rule: WindowRule;
    readonly line: ReadLine;
    /** Set where the timeline held no resolution and the end was read from a sentence after it. */
    readonly endLine?: ReadLine;
  };
  /** Whether a Timeline heading limited the events to the lines under it (else every line was read). */
  readonly timelineSection: boolean;
  /** Set when the timeline lists its entries newest first (a status page), so days roll backwards. */
  readonly newestFirst?: boolean;
  /**
   * Lines that hold a time but could not be placed as an event (the first MAX_UNPLACED_LISTED):
   * under a Timeline heading any such line, elsewhere a line that starts with a time as an entry would.
   */
  readonly unplacedLines: readonly ReadLine[];
  /** How many such lines there are in all. */
  readonly unplacedLineCount: number;
  /** Set when the document was longer than this many characters and only its beginning was read. */
  readonly readOnlyChars?: number;
  /** Set when the timeline had more entries than this and only the first were read. */
  readonly readOnlyEvents?: number;
  /**
   * Set when the document writes no year and the year was worked out from its weekdays: the latest
   * year up to `readOn` in which each mention's day falls on its weekday. The page says so: the
   * same days fall on the same weekdays every few years.
   */
  readonly yearFromWeekdays?: { readonly year: number; readonly readOn: CivilDate; readonly mentions: readonly WeekdayMention[] };
  /** What looks wrong with the incident's timing (validateIncident), already in words. */
  readonly timingProblems: readonly string[];
}

export function readLine(line: { readonly text: string; readonly sourceLine?: number } | undefined): ReadLine {
  const text = line?.text ?? '';
  const quoted = text.length > MAX_READ_LINE_CHARS ? `${text.slice(0, MAX_READ_LINE_CHARS - 1)}…` : text;
  return line?.sourceLine === undefined ? { text: quoted } : { number: line.sourceLine, text: quoted };
}

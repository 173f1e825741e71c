/**
 * What a postmortem says once for all its times: the day (front matter `date:`, else the first full
 * date in the document: title, first heading, "on January 15, 2024") and the zone ("All times in
 * PDT", else the first zone written beside a time). Front matter is YAML (`---`, Jekyll, MkDocs) or
 * TOML (`+++`, Hugo, cState status pages).
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import type { DocLine } from './postmortemLines';
import { findDocumentDate, findStatedZone } from './outageWindow';
import type { TimeToken } from './temporalTokens';
import { scanDates, scanTimes } from './temporalTokens';

/** A clock time on a day, as written (its zone, if any, on the time). */
export interface WrittenMoment {
  readonly date: CivilDate;
  readonly time: TimeToken;
}

export interface FrontMatter {
  readonly date?: CivilDate;
  /**
   * For a status-page incident (cState's `affectedsystems`/`resolved`, a Jekyll `layout: status`),
   * the `date:` with its time: when the incident was opened, the time of the first update, which
   * carries no stamp of its own. A blog post's `date:` is its publication, never an event.
   */
  readonly opened?: WrittenMoment;
  readonly title?: string;
  /** The document without its front matter. */
  readonly body: string;
}

const FRONT_MATTER = /^\uFEFF?(?:---[ \t]*\r?\n([\s\S]{0,8000}?)\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n([\s\S]{0,8000}?)\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;
/** `date: …` (YAML) or `date = …` (TOML). */
const FIELD = /^(date|title|published|incident_date)\s*[:=]\s*["']?(.{1,300}?)["']?\s*$/i;
/** Fields only a status-page incident has: cState (Hugo) and Jekyll status layouts. */
const STATUS_ENTRY_FIELD = /^(?:affectedsystems|resolved|resolvedwhen|layout\s*[:=]\s*["']?(?:status|incident|issue)["']?\s*$)/i;
/** Lines searched for a zone written beside a time. */
const ZONE_SEARCH_LINES = 5000;

/** Front matter (Jekyll, Hugo, MkDocs, cState): its `date:` and `title:`, and the document after it. */
export function readFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source };
  let date: CivilDate | undefined;
  let dateMoment: WrittenMoment | undefined;
  let statusEntry = false;
  let title: string | undefined;
  let titleDate: CivilDate | undefined;
  for (const line of (match[1] ?? match[2] ?? '').split(/\r?\n/)) {
    if (STATUS_ENTRY_FIELD.test(line.trim())) statusEntry = true;
    const field = FIELD.exec(line.trim());
    if (!field) continue;
    const name = field[1]?.toLowerCase();
    const value = field[2] ?? '';
    if (name === 'title') {
      title ??= value;
      titleDate ??= scanDates(value)[0]?.date;
    } else if (!date) {
      const day = scanDates(value)[0];
      const time = day && scanTimes(value.slice(day.end)).find((token) => token.start <= 12);
      date = day?.date;
      if (day && time) dateMoment = { date: day.date, time: { ...time, start: time.start + day.end, end: time.end + day.end } };
    }
  }
  // "title: Update on the October 15, 2018 incident" dates the document where no date: field does.
  date ??= titleDate;
  const opened = statusEntry ? dateMoment : undefined;
  const body = source.slice(match[0].length);
  return { body, ...(date && { date }), ...(opened && { opened }), ...(title && { title }) };
}

export interface DocumentZone {
  readonly zone: ZoneSpec;
  /** 'statement': "All times are UTC"; 'beside-a-time': the first zone written with a time. */
  readonly from: 'statement' | 'beside-a-time';
}

/** The zone the document states for its times, if it states one anywhere. */
export function documentZone(lines: readonly DocLine[]): DocumentZone | undefined {
  const stated = findStatedZone(lines);
  if (stated) return { zone: stated, from: 'statement' };
  for (const line of lines.slice(0, ZONE_SEARCH_LINES)) {
    if (!line.text) continue;
    const zone = scanTimes(line.text).find((time) => time.zone)?.zone;
    if (zone) return { zone, from: 'beside-a-time' };
  }
  return undefined;
}

export function documentDate(lines: readonly DocLine[], frontMatter: FrontMatter): CivilDate | undefined {
  return frontMatter.date ?? findDocumentDate(lines);
}

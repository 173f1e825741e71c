/**
 * What a postmortem says once for all its times: the day (YAML front matter `date:`, else the
 * first full date in the document: title, first heading, "on January 15, 2024") and the zone ("All
 * times in PDT", else the first zone written beside a time).
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import type { DocLine } from './postmortemLines';
import { findDocumentDate, findStatedZone } from './outageWindow';
import { scanDates, scanTimes } from './temporalTokens';

export interface FrontMatter {
  readonly date?: CivilDate;
  readonly title?: string;
  /** The document without its front matter. */
  readonly body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]{0,8000}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const YAML_FIELD = /^(date|title|published|incident_date)\s*:\s*["']?(.{1,300}?)["']?\s*$/i;
/** Lines searched for a zone written beside a time. */
const ZONE_SEARCH_LINES = 5000;

/** YAML front matter (Jekyll, Hugo, MkDocs): its `date:` and `title:`, and the document after it. */
export function readFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source };
  let date: CivilDate | undefined;
  let title: string | undefined;
  let titleDate: CivilDate | undefined;
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const field = YAML_FIELD.exec(line.trim());
    if (!field) continue;
    const name = field[1]?.toLowerCase();
    const value = field[2] ?? '';
    if (name === 'title') {
      title ??= value;
      titleDate ??= scanDates(value)[0]?.date;
    } else {
      date ??= scanDates(value)[0]?.date;
    }
  }
  // "title: Update on the October 15, 2018 incident" dates the document where no date: field does.
  date ??= titleDate;
  const body = source.slice(match[0].length);
  return { body, ...(date && { date }), ...(title && { title }) };
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

/**
 * The acceptance corpus: real postmortems (or faithful reproductions of their format), each with
 * the incident a person read from it by hand, and how well the reader agrees.
 *
 * Layout: `<dir>/<name>/source.{md,html,txt}` + `expected.json`
 * `{ org, title, timezoneStated: string|null, tzForTest?: IANA zone, window: {start, end},
 *    events: [{ time: ISO, line: first ~40 chars of the line }] }`.
 *
 * An expected event is placed when the reader has an event at the same minute (each event counts
 * once). The window is right when both its start and end fall on the expected minutes.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePostmortem } from '../../src/incidents';
import { MINUTE_MS } from '../../src/time';

export interface ExpectedIncident {
  readonly org: string;
  readonly title: string;
  readonly timezoneStated: string | null;
  readonly tzForTest?: string;
  readonly window: { readonly start: string; readonly end: string | null };
  readonly events: ReadonlyArray<{ readonly time: string; readonly line: string }>;
}

export interface CorpusDocument {
  readonly name: string;
  readonly source: string;
  readonly expected: ExpectedIncident;
}

export interface DocumentScore {
  readonly name: string;
  readonly read: boolean;
  readonly error?: string;
  readonly windowRight: boolean;
  readonly windowRule?: string;
  readonly timezoneRight: boolean;
  readonly eventsExpected: number;
  readonly eventsPlaced: number;
  /** Expected events no read event matched, "time line". */
  readonly missed: readonly string[];
  /** Read events at a minute no expected event has. */
  readonly extra: number;
}

/** The corpus directory: $CORPUS_DIR, else the one kept in the repository. */
export function corpusDirectory(): string {
  return resolve(process.env.CORPUS_DIR ?? join(import.meta.dirname, 'postmortems'));
}

export function readCorpus(directory: string): CorpusDocument[] {
  if (!existsSync(directory)) return [];
  const documents: CorpusDocument[] = [];
  for (const name of readdirSync(directory).sort()) {
    const folder = join(directory, name);
    if (!statSync(folder).isDirectory() || !existsSync(join(folder, 'expected.json'))) continue;
    const sourceName = readdirSync(folder).find((file) => /^source\.(?:md|html?|txt)$/.test(file));
    if (!sourceName) continue;
    documents.push({
      name,
      source: readFileSync(join(folder, sourceName), 'utf8'),
      expected: JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as ExpectedIncident,
    });
  }
  return documents;
}

/**
 * The day the corpus is read, for documents that write no year (the reader takes the latest year up
 * to it in which their dates fall on the weekdays written beside them). One fixed date for the whole
 * corpus, not "today" (the table must not change with the calendar: July 7 is a Wednesday again in
 * 2027) and not each document's publication date (that would hand the reader the year it is meant
 * to work out): the day the corpus was assembled, after every document in it was written, as a
 * team importing its archive would read it.
 */
export const CORPUS_READ_ON = { year: 2026, month: 12, day: 2 } as const;

const minute = (ms: number) => Math.floor(ms / MINUTE_MS);
const minuteOf = (iso: string | null) => (iso === null ? undefined : minute(Date.parse(iso)));

export function scoreDocument(document: CorpusDocument): DocumentScore {
  const { expected } = document;
  const timezone = expected.timezoneStated === null ? expected.tzForTest ?? 'UTC' : undefined;
  const result = parsePostmortem(document.source, { id: document.name, readOn: CORPUS_READ_ON, ...(timezone && { timezone }) });
  const base = { name: document.name, eventsExpected: expected.events.length };
  if (!result.ok) {
    return { ...base, read: false, error: result.error, windowRight: false, timezoneRight: false, eventsPlaced: 0, extra: 0, missed: expected.events.map((e) => `${e.time} ${e.line}`) };
  }
  const { incident, reading } = result;
  const windowRight =
    minute(incident.start) === minuteOf(expected.window.start) &&
    (incident.end === undefined ? null : minute(incident.end)) === (minuteOf(expected.window.end) ?? null);
  const unused = incident.events.map((event) => minute(event.time));
  const missed: string[] = [];
  for (const event of expected.events) {
    const at = unused.indexOf(minute(Date.parse(event.time)));
    if (at >= 0) unused.splice(at, 1);
    else missed.push(`${event.time} ${event.line}`);
  }
  return {
    ...base,
    read: true,
    windowRight,
    windowRule: reading.window.rule,
    timezoneRight: reading.timezoneStated === (expected.timezoneStated !== null),
    eventsPlaced: expected.events.length - missed.length,
    extra: unused.length,
    missed,
  };
}

export interface CorpusTotals {
  readonly documents: number;
  readonly read: number;
  readonly windowsRight: number;
  readonly timezonesRight: number;
  readonly eventsExpected: number;
  readonly eventsPlaced: number;
}

export function corpusTotals(scores: readonly DocumentScore[]): CorpusTotals {
  return {
    documents: scores.length,
    read: scores.filter((score) => score.read).length,
    windowsRight: scores.filter((score) => score.windowRight).length,
    timezonesRight: scores.filter((score) => score.timezoneRight).length,
    eventsExpected: scores.reduce((sum, score) => sum + score.eventsExpected, 0),
    eventsPlaced: scores.reduce((sum, score) => sum + score.eventsPlaced, 0),
  };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The table the README shows: one row per document and the totals. */
export function corpusTable(scores: readonly DocumentScore[]): string {
  const rows = scores.map((score) => [
    score.name,
    yesNo(score.read),
    score.read ? `${yesNo(score.windowRight)} (${score.windowRule ?? ''})` : '—',
    score.read ? yesNo(score.timezoneRight) : '—',
    `${score.eventsPlaced}/${score.eventsExpected}`,
  ]);
  const totals = corpusTotals(scores);
  const share = totals.eventsExpected === 0 ? 0 : (100 * totals.eventsPlaced) / totals.eventsExpected;
  const lines = [
    '| document | read | window right (rule) | zone stated right | events placed to the minute |',
    '|---|---|---|---|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    `| **total (${totals.documents})** | ${totals.read}/${totals.documents} | ${totals.windowsRight}/${totals.documents} | ${totals.timezonesRight}/${totals.documents} | ${totals.eventsPlaced}/${totals.eventsExpected} (${share.toFixed(1)}%) |`,
  ];
  return lines.join('\n');
}

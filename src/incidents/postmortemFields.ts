/**
 * The prose fields of a postmortem: "Impact:", "Root Cause:", "Severity:" paragraphs (written as
 * labels or as headings), a summary, and a title.
 */

import type { CivilDate } from './civilTime';
import { formatCivilDate } from './civilTime';
import type { DocLine } from './postmortemLines';

const MAX_PARAGRAPH_CHARS = 4000;
const MAX_TITLE_CHARS = 60;
// "Note: …" or "Resolution: …" right under a paragraph starts a new field, not more of this one.
const ANY_LABEL = /^(?:[-*+]\s*)?(?:\*\*|__)?[A-Z][A-Za-z ]{1,30}(?:\*\*|__)?\s*:(?:\s|$)/;
const TIMELINE_ENTRY = /^\W{0,3}\d{1,2}(?::\d{2}|\s{0,3}[ap]\.?m)/i;
const GENERIC_HEADING =
  /^(?:(?:issue|incident|outage|executive|event) )?(?:summary|overview|post[- ]?mortem|report|review|timeline|impact|root causes?(?: and resolution)?|resolution|details|background|introduction|analysis)$/i;
const TITLE_PREFIX = /^(?:post[- ]?mortem|incident(?: report| review| post[- ]?mortem)?|outage(?: report)?|rca)\s*(?:[:\-–—|]|for\b)\s*/i;
const ROOT_CAUSE_LEAD =
  /^(?:the\s+)?(?:root\s+)?cause(?:\s+of\s+(?:the|this)\s+(?:outage|incident|issue|problem))?\s+(?:was|is)\s+(?:that\s+)?/i;
const CLOCK_SUFFIX_BEFORE_DOT = /\b[ap]\.m$/i;
const ABBREVIATION_BEFORE_DOT = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Ms|Dr|No)|\b[A-Z])$/;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function labelPattern(names: string): RegExp {
  return new RegExp(`^(?:[-*+]\\s*)?(?:\\*\\*|__)?\\s*(?:${names})\\s*(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.*)$`, 'i');
}

/** The paragraph starting at `from`: lines up to a blank line, a heading, a new label or an entry. */
function paragraphFrom(lines: readonly DocLine[], from: number, first: string[]): string {
  const parts = [...first];
  let length = parts.join(' ').length;
  let index = from;
  if (parts.length === 0) {
    while (lines[index] && lines[index]?.text === '') index += 1;
  }
  for (; index < lines.length && length < MAX_PARAGRAPH_CHARS; index += 1) {
    const line = lines[index];
    if (!line || !line.text || line.level !== undefined) break;
    if (parts.length > 0 && (ANY_LABEL.test(line.text) || TIMELINE_ENTRY.test(line.text))) break;
    parts.push(line.text);
    length += line.text.length + 1;
  }
  return collapse(parts.join(' ')).slice(0, MAX_PARAGRAPH_CHARS);
}

/** The first paragraph labelled with one of `names` ("Impact: …", or an "Impact" heading). */
export function readField(lines: readonly DocLine[], names: string): string | undefined {
  const label = labelPattern(names);
  const heading = new RegExp(`^(?:${names})\\s*:?$`, 'i');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line?.text) continue;
    if (line.level !== undefined) {
      if (!heading.test(line.text)) continue;
      const text = paragraphFrom(lines, index + 1, []);
      if (text) return text;
      continue;
    }
    const labelled = label.exec(line.text);
    if (!labelled) continue;
    const rest = collapse(labelled[1] ?? '');
    const text = paragraphFrom(lines, index + 1, rest ? [rest] : []);
    if (text) return text;
  }
  return undefined;
}

export function readImpact(lines: readonly DocLine[]): string | undefined {
  return readField(lines, '(?:customer |user |business )?impact');
}

export function readRootCause(lines: readonly DocLine[]): string | undefined {
  return readField(lines, 'root[- ]causes?');
}

export function readSummaryField(lines: readonly DocLine[]): string | undefined {
  return readField(lines, '(?:issue |incident |executive )?summary');
}

export function readSeverity(lines: readonly DocLine[]): string | undefined {
  const label = labelPattern('severity|sev|priority');
  for (const line of lines) {
    if (line.level !== undefined) continue;
    const value = collapse(label.exec(line.text)?.[1] ?? '').replace(/(?:\*\*|__)$/, '');
    if (value) return value.slice(0, 60);
  }
  return undefined;
}

/** Text up to the first ".", "!" or "?" that ends a sentence (not "e.g." or "99.9"). */
export function firstSentence(text: string): string {
  const ends = /[.!?](?=\s|$)/g;
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    const candidate = text.slice(0, match.index + 1);
    if (ABBREVIATION_BEFORE_DOT.test(candidate.slice(0, -1))) continue;
    // "4:20 a.m. to 9:30 a.m. PST, …": a clock's a.m./p.m. ends a sentence only before a new one
    // (a capitalised word), not before "to", a zone or a comma.
    if (CLOCK_SUFFIX_BEFORE_DOT.test(candidate.slice(0, -1)) && !/^\s+[A-Z][a-z]/.test(text.slice(match.index + 1))) continue;
    return candidate.trim();
  }
  return text.trim();
}

function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** "The root cause was a memory leak in X, specifically …" → "Memory leak in X". */
export function titleFromRootCause(rootCause: string): string | undefined {
  const subject = firstSentence(rootCause)
    .replace(ROOT_CAUSE_LEAD, '')
    .replace(/^(?:a|an|the)\s+/i, '')
    .split(/[,;:(]|\s[-–—]\s/)[0]
    ?.replace(/[.!?\s]+$/, '')
    .trim();
  if (!subject || subject.length < 3) return undefined;
  return truncateAtWord(subject.charAt(0).toUpperCase() + subject.slice(1), MAX_TITLE_CHARS);
}

/** A heading at the top of the document that names this incident, not a generic section. */
function titleFromHeadings(lines: readonly DocLine[]): string | undefined {
  for (const line of lines) {
    if (!line.text) continue;
    // The title sits above the first paragraph; later headings name sections.
    if (line.level === undefined) return undefined;
    const text = line.text.replace(TITLE_PREFIX, '').replace(/\s*:$/, '').trim();
    if (text.length >= 3 && text.length <= 100 && !GENERIC_HEADING.test(text)) return truncateAtWord(text, 100);
  }
  return undefined;
}

export function readTitle(lines: readonly DocLine[], rootCause: string | undefined, startDate: CivilDate): string {
  return (
    titleFromHeadings(lines) ??
    (rootCause ? titleFromRootCause(rootCause) : undefined) ??
    `Incident on ${formatCivilDate(startDate)}`
  );
}

/**
 * How large a postmortem vigil accepts for import. The parser reads at most MAX_SOURCE_CHARS
 * characters (well under a second for any document that size); a file within this many bytes has
 * at most that many characters, so nothing an importer picks is silently cut. Larger input is
 * refused before it is read: a 20 MB file read into the page and a text box is what blocked the tab.
 */

import { MAX_SOURCE_CHARS } from './parsePostmortem';

export const MAX_POSTMORTEM_BYTES = MAX_SOURCE_CHARS;

const MEGABYTE = 1_000_000;

/** "20.0 MB", "0.4 MB": decimal megabytes with one decimal, as file managers show them. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}

const LIMIT_WORDS = `vigil reads postmortems up to ${MAX_POSTMORTEM_BYTES / MEGABYTE} MB`;

/** Why a file of this size is refused, or null when it may be read. */
export function fileSizeRefusal(bytes: number): string | null {
  if (bytes <= MAX_POSTMORTEM_BYTES) return null;
  return `This file is ${formatMegabytes(bytes)}; ${LIMIT_WORDS}. Open a shorter export, or paste the part with the timeline.`;
}

/** Why pasted text of this length is refused, or null when it may be read. */
export function pastedLengthRefusal(chars: number): string | null {
  if (chars <= MAX_POSTMORTEM_BYTES) return null;
  return `The pasted text has ${chars.toLocaleString('en-US')} characters; ${LIMIT_WORDS} (${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters). Paste the part with the timeline.`;
}

/**
 * Incident metadata kept in HTML comments. A comment is not shown to the people reading the page,
 * so its prose (drafts, notes, template boilerplate, a reproduction's own remarks) is never read
 * as the postmortem: the extractors drop every comment. The one exception is a comment that is
 * nothing but `key: value` fields with a `start:` and a `stop:`/`end:` (the UCSF Wynton incident
 * log keeps each incident's window so): that is data the author wrote for tools like this one, and
 * its two fields are offered to the window rules as "Start:" / "End:" lines, after every line of
 * the document, so anything the document itself states wins. A block about another period
 * (`reason: scheduled`, `severity: under-maintenance`: DECOY_RANGE) is not the outage.
 */

import type { DocLine } from './postmortemLines';
import { DECOY_RANGE } from './outageWindow';

const MAX_COMMENTS = 50;
const MAX_COMMENT_CHARS = 2000;
const FIELD = /^([A-Za-z][\w-]{0,30})\s*:\s*(\S.{0,200})$/;
const START_KEY = /^start$/i;
const END_KEY = /^(?:stop|end)$/i;
export const COMMENT_NOTE = '(in an HTML comment)';

/** "start: …" and "end: …" lines of the first metadata comment about the outage, else none. */
export function metadataCommentLines(source: string): DocLine[] {
  let from = 0;
  for (let count = 0; count < MAX_COMMENTS; count += 1) {
    const open = source.indexOf('<!--', from);
    if (open < 0) return [];
    const close = source.indexOf('-->', open + 4);
    if (close < 0) return [];
    from = close + 3;
    const body = source.slice(open + 4, close);
    if (body.length > MAX_COMMENT_CHARS || DECOY_RANGE.test(body)) continue;
    const lines = body.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const fields = lines.map((line) => FIELD.exec(line));
    if (lines.length < 2 || fields.some((field) => !field)) continue;
    const start = fields.find((field) => START_KEY.test(field?.[1] ?? ''));
    const end = fields.find((field) => END_KEY.test(field?.[1] ?? ''));
    if (!start?.[2] || !end?.[2]) continue;
    return [
      { text: `start: ${start[2]} ${COMMENT_NOTE}` },
      { text: `end: ${end[2]} ${COMMENT_NOTE}` },
    ];
  }
  return [];
}

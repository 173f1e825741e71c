/**
 * Text of an HTML document without a DOM (Node, workers, or documents too large to hand to one).
 * A single forward scan: every search starts where the previous one ended, so hostile input (an
 * unclosed "<script", thousands of "<!--") costs linear time. Tags and attributes are dropped, never
 * interpreted; script, style and other non-text content is skipped up to its end tag, or to the end
 * of the document when there is none, as a browser would.
 */

import { decodeHtmlEntities } from './htmlEntities';
import type { TextLine } from './textLines';
import { DROPPED_ELEMENTS, LineBuilder } from './textLines';

const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})/y;
const NAME_CHARACTER = /[a-zA-Z0-9:-]/;
// Foreign (SVG, MathML) elements may close themselves with "/>"; HTML elements may not.
const SELF_CLOSABLE_DROPPED: ReadonlySet<string> = new Set(['svg', 'math']);
// Void elements have no content and no end tag: dropping one means dropping the tag alone.
const VOID_DROPPED: ReadonlySet<string> = new Set(['embed', 'frame']);

/** Index just past the ">" that ends the tag whose attributes start at `from`; quotes after "=" hide ">". */
function tagEnd(source: string, from: number): number {
  let quote = 0;
  let previous = 0;
  for (let index = from; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (quote) {
      if (code === quote) quote = 0;
    } else if ((code === 34 || code === 39) && previous === 61) {
      quote = code;
    } else if (code === 62) {
      return index + 1;
    }
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) previous = code;
  }
  return source.length;
}

/** Index of the end tag "</name" at or after `from` (any letter case), or -1. */
function endTagStart(source: string, name: string, from: number): number {
  for (let index = source.indexOf('</', from); index >= 0; index = source.indexOf('</', index + 2)) {
    const after = index + 2 + name.length;
    if (source.slice(index + 2, after).toLowerCase() === name && !NAME_CHARACTER.test(source.charAt(after))) {
      return index;
    }
  }
  return -1;
}

/** Index just past the end tag "</name …>" at or after `from`, or the document's end when there is none. */
function endOfElement(source: string, name: string, from: number): number {
  const close = endTagStart(source, name, from);
  return close < 0 ? source.length : tagEnd(source, close + 2 + name.length);
}

export function scanHtmlLines(source: string): TextLine[] {
  const builder = new LineBuilder();
  let position = 0;
  while (position < source.length) {
    const open = source.indexOf('<', position);
    if (open < 0) {
      builder.text(decodeHtmlEntities(source.slice(position)));
      break;
    }
    if (open > position) builder.text(decodeHtmlEntities(source.slice(position, open)));

    if (source.startsWith('<!--', open)) {
      const close = source.indexOf('-->', open + 4);
      position = close < 0 ? source.length : close + 3;
      continue;
    }
    const next = source.charAt(open + 1);
    if (next === '!' || next === '?') {
      position = tagEnd(source, open + 2);
      continue;
    }
    TAG_NAME.lastIndex = open;
    const tag = TAG_NAME.exec(source);
    if (!tag) {
      if (next === '/') {
        // "</" without a name is a bogus comment to a browser.
        position = tagEnd(source, open + 2);
      } else {
        builder.text('<');
        position = open + 1;
      }
      continue;
    }
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    const afterTag = tagEnd(source, open + tag[0].length);
    position = afterTag;
    if (closing) {
      // A stray "</br>" is a line break to browsers too.
      if (name === 'br') builder.startElement('br');
      else builder.endElement(name);
      continue;
    }
    if (DROPPED_ELEMENTS.has(name)) {
      const selfClosed = VOID_DROPPED.has(name) || (SELF_CLOSABLE_DROPPED.has(name) && source.slice(afterTag - 2, afterTag) === '/>');
      if (!selfClosed) position = endOfElement(source, name, afterTag);
      continue;
    }
    if (name === 'title') {
      // <title> holds text only; the first "</title" ends it.
      const close = endTagStart(source, 'title', afterTag);
      builder.startElement('title');
      builder.text(decodeHtmlEntities(source.slice(afterTag, close < 0 ? source.length : close)));
      builder.endElement('title');
      position = endOfElement(source, 'title', afterTag);
      continue;
    }
    builder.startElement(name);
  }
  return builder.finish();
}

/**
 * Turns a postmortem, HTML or plain text, into lines of plain text. The result is data only: no
 * markup from the source survives, and nothing from it is ever inserted into a page.
 */

import { domHtmlLines, domParserIfAvailable } from './htmlTextDom';
import { scanHtmlLines } from './htmlTextScanner';
import type { TextLine } from './textLines';
import { plainTextLines } from './textLines';

export type TextExtractor = 'dom' | 'scanner' | 'plain';

/**
 * Above this size the tag scanner is used even where a DOM exists: jsdom needs seconds for a
 * multi-megabyte document, the scanner a few tens of milliseconds, and both read the same text.
 */
export const DOM_SIZE_LIMIT = 256 * 1024;

const HTML_MARKUP =
  /<(?:!--|!doctype|\/?(?:html|head|body|p|div|span|h[1-6]|br|hr|ul|ol|li|dl|dt|dd|table|tr|td|th|thead|tbody|pre|code|b|i|u|em|strong|a|img|script|style|iframe|svg|math|object|embed|section|article|header|footer|main|nav|aside|blockquote|title|meta|link|form|input|button|textarea|noscript|template|font|center|small|sup|sub|details|summary)(?=[\s/>]))/i;

export function looksLikeHtml(source: string): boolean {
  return HTML_MARKUP.test(source);
}

export function chooseExtractor(source: string): TextExtractor {
  if (!looksLikeHtml(source)) return 'plain';
  return domParserIfAvailable() && source.length <= DOM_SIZE_LIMIT ? 'dom' : 'scanner';
}

export function extractTextLines(source: string, extractor: TextExtractor = chooseExtractor(source)): TextLine[] {
  if (extractor === 'plain') return plainTextLines(source);
  const Parser = extractor === 'dom' ? domParserIfAvailable() : undefined;
  return Parser ? domHtmlLines(source, Parser) : scanHtmlLines(source);
}

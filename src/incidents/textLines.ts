/**
 * The text of a document as lines, with HTML headings kept apart: the timeline is line-based and
 * sections end at headings, so both must survive the trip from markup to text.
 */

export interface TextLine {
  /** Plain text, whitespace collapsed and trimmed; '' for a blank line (a paragraph break). */
  readonly text: string;
  /** 1..6 for an HTML heading (<title> counts as 1). */
  readonly heading?: number;
  /** 1-based line of the source the text stands on; plain text only (HTML lines are laid out, not written). */
  readonly sourceLine?: number;
}

/** Elements whose start and end break a paragraph, as a browser lays them out. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never document text: code, styling, embedded or interactive content. */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'frame', 'frameset',
  'noembed', 'noframes', 'svg', 'math', 'textarea', 'select', 'xmp', 'plaintext', 'canvas', 'audio',
  'video',
]);

const HEADING_LEVEL: Readonly<Record<string, number>> = { title: 1, h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

export function headingLevelOf(element: string): number | undefined {
  return HEADING_LEVEL[element];
}

/** Lines longer than this are cut: nothing the parser looks for needs more, and it bounds regex work. */
export const MAX_LINE_CHARS = 4000;
const MAX_HEADING_CHARS = 1000;

// Runs of whitespace, C0 controls and DEL become one space: none carries meaning within a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const SPACE_RUN = /[\s\u0000-\u001f\u007f]+/g;

export function normaliseLineText(raw: string): string {
  return raw.slice(0, MAX_LINE_CHARS * 2).replace(SPACE_RUN, ' ').trim().slice(0, MAX_LINE_CHARS);
}

/**
 * Collects text from a walk over markup (DOM or tag scanner alike), so both extractors agree on
 * where lines, paragraphs and headings begin and end.
 */
export class LineBuilder {
  private readonly lines: TextLine[] = [];
  /** Number lines by the source's line breaks: right for plain text, which is flushed once, whole. */
  constructor(private readonly numberSourceLines = false) {}

  private pending = '';
  private heading: { level: number; text: string } | undefined;
  private cellInRow = 0;

  text(value: string): void {
    if (this.heading) {
      if (this.heading.text.length < MAX_HEADING_CHARS) this.heading.text += value;
    } else {
      this.pending += value;
    }
  }

  startElement(name: string): void {
    const level = headingLevelOf(name);
    if (level !== undefined) {
      // A heading cannot contain another: HTML parsers close the open one first.
      this.endHeading();
      this.flush();
      this.heading = { level, text: '' };
      return;
    }
    if (name === 'br') {
      this.text('\n');
    } else if (name === 'tr') {
      this.cellInRow = 0;
      this.paragraphBreak();
    } else if (name === 'td' || name === 'th') {
      if (this.cellInRow > 0) this.text(' | ');
      this.cellInRow += 1;
    } else if (BLOCK_ELEMENTS.has(name)) {
      this.paragraphBreak();
    } else if (name === 'img' || name === 'input') {
      this.text(' ');
    }
  }

  endElement(name: string): void {
    if (headingLevelOf(name) !== undefined) this.endHeading();
    else if (BLOCK_ELEMENTS.has(name)) this.paragraphBreak();
  }

  finish(): TextLine[] {
    this.endHeading();
    this.flush();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1]?.text === '') this.lines.pop();
    return this.lines;
  }

  private paragraphBreak(): void {
    if (this.heading) {
      this.heading.text += ' ';
      return;
    }
    this.flush();
    this.pushBlank();
  }

  private endHeading(): void {
    if (!this.heading) return;
    const text = normaliseLineText(this.heading.text);
    const level = this.heading.level;
    this.heading = undefined;
    if (text) this.lines.push({ text, heading: level });
  }

  private flush(): void {
    if (!this.pending) return;
    this.pending
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((raw, index) => {
        const text = normaliseLineText(raw);
        if (text) this.lines.push(this.numberSourceLines ? { text, sourceLine: index + 1 } : { text });
        else this.pushBlank();
      });
    this.pending = '';
  }

  private pushBlank(): void {
    const last = this.lines[this.lines.length - 1];
    if (last && last.text !== '') this.lines.push({ text: '' });
  }
}

/** Lines of a document that is plain text already (markdown-ish or not). */
export function plainTextLines(source: string): TextLine[] {
  const builder = new LineBuilder(true);
  builder.text(source);
  return builder.finish();
}

/**
 * Lines of a postmortem with their heading level worked out, whatever wrote them: HTML headings,
 * markdown ("## Timeline", setext underlines), a bold line on its own, or a bare section name.
 */

import type { TextLine } from './textLines';

export interface DocLine {
  /** Plain text without heading markers; '' for a blank line. */
  readonly text: string;
  /** Heading level 1..6; 0 when a line is a heading of unknown level (bold line, bare section name). */
  readonly level?: number;
  /** 1-based line of the source, where the source is plain text (see TextLine). */
  readonly sourceLine?: number;
}

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const SETEXT_UNDERLINE = /^(?:={2,}|-{2,})$/;
const BOLD_ONLY = /^(?:\*\*|__)([^*_]{1,100})(?:\*\*|__)\s*:?$/;
const SECTION_NAME =
  /^(?:issue |incident |executive )?(?:summary|overview|impact|customer impact|user impact|root causes?|root cause and resolution|resolution|detection|response|recovery|timeline|chronology|corrective and preventa?tive measures|corrective actions|action items|lessons learned|what went well|what went wrong|follow[- ]ups?|next steps|remediation|contributing factors|trigger|background)\s*:?$/i;

export function classifyLines(lines: readonly TextLine[]): DocLine[] {
  const classified: DocLine[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) continue;
    const at = line.sourceLine === undefined ? {} : { sourceLine: line.sourceLine };
    if (line.heading !== undefined) {
      classified.push({ text: line.text, level: line.heading, ...at });
      continue;
    }
    const markdown = MARKDOWN_HEADING.exec(line.text);
    if (markdown) {
      classified.push({ text: markdown[2] ?? '', level: markdown[1]?.length ?? 1, ...at });
      continue;
    }
    const underline = lines[index + 1]?.text ?? '';
    if (line.text && SETEXT_UNDERLINE.test(underline) && !SETEXT_UNDERLINE.test(line.text)) {
      classified.push({ text: line.text, level: underline.startsWith('=') ? 1 : 2, ...at });
      classified.push({ text: '' });
      index += 1;
      continue;
    }
    const bold = BOLD_ONLY.exec(line.text);
    if (bold) {
      classified.push({ text: (bold[1] ?? '').trim(), level: 0, ...at });
      continue;
    }
    classified.push(SECTION_NAME.test(line.text) ? { text: line.text, level: 0, ...at } : { text: line.text, ...at });
  }
  return classified;
}

export function isHeading(line: DocLine | undefined): boolean {
  return line?.level !== undefined;
}

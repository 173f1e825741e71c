/**
 * Text of an HTML document through the platform's DOMParser. A parsed document has no browsing
 * context: its scripts never run and its images never load, so "onerror" handlers stay inert. The
 * document is only read, never attached to a page.
 */

import type { TextLine } from './textLines';
import { DROPPED_ELEMENTS, LineBuilder } from './textLines';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Step {
  readonly node: Node;
  readonly leaving: boolean;
}

export function domParserIfAvailable(): typeof DOMParser | undefined {
  return typeof globalThis.DOMParser === 'function' ? globalThis.DOMParser : undefined;
}

export function domHtmlLines(source: string, Parser: typeof DOMParser): TextLine[] {
  const document = new Parser().parseFromString(source, 'text/html');
  const builder = new LineBuilder();
  // An explicit stack: a hostile document may nest elements far deeper than the call stack allows.
  const stack: Step[] = [{ node: document.documentElement, leaving: false }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    const { node, leaving } = step;
    if (node.nodeType === TEXT_NODE) {
      builder.text((node as Text).data);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = (node as Element).localName.toLowerCase();
    if (leaving) {
      builder.endElement(name);
      continue;
    }
    if (DROPPED_ELEMENTS.has(name)) continue;
    builder.startElement(name);
    stack.push({ node, leaving: true });
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, leaving: false });
  }
  return builder.finish();
}

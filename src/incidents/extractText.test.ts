// @vitest-environment jsdom
import { chooseExtractor, DOM_SIZE_LIMIT, extractTextLines, looksLikeHtml } from './extractText';
import type { TextExtractor } from './extractText';
import { FIXTURE_NAMES, readFixture, readSeed } from './fixtures/readFixture';

const texts = (source: string, extractor: TextExtractor) => extractTextLines(source, extractor).map((line) => line.text);

describe('extractTextLines: the DOM and the tag scanner read the same text', () => {
  it.each([['seed', readSeed()], ...FIXTURE_NAMES.map((name) => [name, readFixture(name)])])('%s', (_name, source) => {
    expect(extractTextLines(source, 'scanner')).toEqual(extractTextLines(source, 'dom'));
  });
});

describe.each<TextExtractor>(['dom', 'scanner'])('extractTextLines with the %s extractor', (extractor) => {
  it('keeps line structure: block elements and <br> end lines, raw newlines stay', () => {
    const source = '<div>Impact: slow<br>pages</div><ul><li>10:00: a</li><li>10:15: b</li></ul>x\ny';
    expect(texts(source, extractor)).toEqual(['Impact: slow', 'pages', '', '10:00: a', '', '10:15: b', '', 'x', 'y']);
  });

  it('marks headings with their level and joins their lines', () => {
    expect(extractTextLines('<h2>\nIssue\nSummary\n</h2><p>text</p><h3>Timeline</h3>', extractor)).toEqual([
      { text: 'Issue Summary', heading: 2 },
      { text: '' },
      { text: 'text' },
      { text: '' },
      { text: 'Timeline', heading: 3 },
    ]);
  });

  it('drops script, style, template, svg and iframe content and every attribute', () => {
    const source =
      '<p onclick="steal()">a<script>var x = "10:00: fake";</script>b<style>p{color:red}</style>c' +
      '<template><p>10:01: fake</p></template><svg><text>svg</text></svg><iframe srcdoc="<p>frame</p>"></iframe>' +
      '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">d</a></p>';
    expect(texts(source, extractor)).toEqual(['abc d']);
  });

  // Issue 14, row 10: the scanner waited for "</embed>", which never comes, and lost the rest.
  it('drops <embed> and <frame> themselves, which have no content or end tag, and keeps what follows', () => {
    const source = '<p>before</p><embed src="x.swf"><p>10:00: after embed</p><frame src="f.html"><p>10:05: after frame</p>';
    expect(texts(source, extractor)).toEqual(['before', '', '10:00: after embed', '', '10:05: after frame']);
  });

  it('drops everything after a script that never closes, as a browser does', () => {
    expect(texts('<p>kept</p><script>10:00: not an event\n<p>nor this</p>', extractor)).toEqual(['kept']);
  });

  it('decodes character references once, leaving escaped markup as text', () => {
    expect(texts('<p>&lt;script&gt; &amp;lt; &#169; &#x2014; &#0; &bogus; 5&nbsp;ms</p>', extractor)).toEqual([
      '<script> &lt; © — \ufffd &bogus; 5 ms',
    ]);
  });

  it('joins table cells with " | "', () => {
    expect(texts('<table><tr><td>10:15</td><td>Engineer paged</td></tr></table>', extractor)).toEqual([
      '10:15 | Engineer paged',
    ]);
  });

  it('keeps quoted ">" inside attributes out of the text', () => {
    expect(texts('<p title="a > b" data-x=\'c > d\'>text</p>', extractor)).toEqual(['text']);
  });
});

describe('extractTextLines on plain text', () => {
  it('leaves text that is not HTML alone, "<" and "&" included', () => {
    expect(looksLikeHtml('latency < 5 ms & rising\n10:00: alert')).toBe(false);
    expect(texts('latency < 5 ms & rising\n\n\n10:00:  alert ', chooseExtractor('latency < 5 ms & rising'))).toEqual([
      'latency < 5 ms & rising',
      '',
      '10:00: alert',
    ]);
  });

  it('treats text with HTML tags as HTML, so a script in "plain" text is still dropped', () => {
    expect(looksLikeHtml('Impact: slow\n<script>alert(1)</script>')).toBe(true);
    expect(texts('Impact: slow\n<script>alert(1)</script>', chooseExtractor('<script>'))).toEqual(['Impact: slow']);
  });

  it('uses the DOM where there is one, and the scanner for documents too large for jsdom', () => {
    expect(chooseExtractor('<p>x</p>')).toBe('dom');
    expect(chooseExtractor(`<p>${'x'.repeat(DOM_SIZE_LIMIT)}</p>`)).toBe('scanner');
  });
});

describe('the tag scanner on hostile input', () => {
  it.each([
    ['unclosed tags', '<a '.repeat(1_700_000)],
    ['unclosed scripts', '<script>'.repeat(650_000)],
    ['unclosed comments', '<!--'.repeat(1_250_000)],
    ['unclosed quotes', '<p title="'.repeat(500_000)],
    ['empty paragraphs', '<p>'.repeat(1_700_000)],
    ['nested headings', '<h1><h2>'.repeat(600_000)],
    ['character references', '&#x41;&amp;&bogus;'.repeat(280_000)],
  ])('reads 5 MB of %s in linear time', (_name, source) => {
    const started = performance.now();
    extractTextLines(source, 'scanner');
    // Quadratic work on 5 MB would take minutes; the bound leaves room for a busy CI machine.
    // A termination check, not a timing: catastrophic backtracking would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 20_000);
});

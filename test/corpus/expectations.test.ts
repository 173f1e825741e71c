// Checks the hand-written expectations of the postmortem corpus are well-formed.
// Deliberately imports nothing from src/incidents: the expectations are the
// independent truth the reader is measured against, so they must not be derived from it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const corpusDir = join(__dirname, 'postmortems');
const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/;
const sourceFileByFormat = { markdown: 'source.md', html: 'source.html', text: 'source.txt' } as const;

interface Expectation {
  org: string;
  title: string;
  /** Null only for a format fixture: a document written for vigil, reproducing no real incident. */
  sourceUrl: string | null;
  licence: string;
  reproduced: boolean;
  fixture?: boolean;
  format: keyof typeof sourceFileByFormat;
  timezoneStated: string | null;
  tzForTest?: string;
  window: { start: string; end: string | null; how: string };
  events: { time: string; line: string }[];
  notes: string;
}

function documentLines(source: string, format: Expectation['format']): string[] {
  const text =
    format === 'html'
      ? source
          .replace(/<[^>]*>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
      : source;
  return text.split('\n').map((line) => line.trim());
}

const documents = readdirSync(corpusDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('postmortem corpus expectations', () => {
  it('holds at least 20 real documents (not fixtures) from at least 10 organizations', () => {
    const real = documents
      .map((dir) => JSON.parse(readFileSync(join(corpusDir, dir, 'expected.json'), 'utf8')) as Expectation)
      .filter((expected) => expected.fixture !== true);
    const orgs = new Set(real.map((expected) => expected.org));
    expect(real.length).toBeGreaterThanOrEqual(20);
    expect(orgs.size).toBeGreaterThanOrEqual(10);
  });

  it('covers Markdown, HTML and plain text', () => {
    const formats = new Set(
      documents.map((dir) => (JSON.parse(readFileSync(join(corpusDir, dir, 'expected.json'), 'utf8')) as Expectation).format),
    );
    expect([...formats].sort()).toEqual(['html', 'markdown', 'text']);
  });

  describe.each(documents)('%s', (dir) => {
    const expected = JSON.parse(readFileSync(join(corpusDir, dir, 'expected.json'), 'utf8')) as Expectation;

    it('names its source, licence and format', () => {
      expect(expected.org.length).toBeGreaterThan(0);
      expect(expected.title.length).toBeGreaterThan(0);
      if (expected.fixture === true) {
        expect(expected.sourceUrl).toBeNull();
        expect(expected.notes).toMatch(/fixture/);
      } else {
        expect(expected.sourceUrl).toMatch(/^https?:\/\//);
      }
      expect(expected.licence.length).toBeGreaterThan(0);
      expect(typeof expected.reproduced).toBe('boolean');
      expect(Object.keys(sourceFileByFormat)).toContain(expected.format);
      expect(existsSync(join(corpusDir, dir, sourceFileByFormat[expected.format]))).toBe(true);
      expect(dir).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
    });

    it('gives a zone to test with exactly when the document states none', () => {
      if (expected.timezoneStated === null) {
        expect(expected.tzForTest).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$|^UTC$/);
      } else {
        expect(expected.tzForTest).toBeUndefined();
      }
    });

    it('has a window of ISO instants with offsets, start before end', () => {
      expect(expected.window.start).toMatch(isoWithOffset);
      expect(Number.isNaN(Date.parse(expected.window.start))).toBe(false);
      if (expected.window.end !== null) {
        expect(expected.window.end).toMatch(isoWithOffset);
        expect(Date.parse(expected.window.end)).toBeGreaterThan(Date.parse(expected.window.start));
      }
      expect(expected.window.how.length).toBeGreaterThan(0);
    });

    it('lists events as ISO instants with offsets whose lines are in the document, in document order', () => {
      const source = readFileSync(join(corpusDir, dir, sourceFileByFormat[expected.format]), 'utf8');
      const lines = documentLines(source, expected.format);
      let previousIndex = -1;
      for (const event of expected.events) {
        expect(event.time).toMatch(isoWithOffset);
        expect(Number.isNaN(Date.parse(event.time))).toBe(false);
        const index = lines.findIndex((line, i) => i > previousIndex && line.startsWith(event.line.trim()));
        expect(index, `line "${event.line}" after line ${previousIndex}`).toBeGreaterThan(previousIndex);
        previousIndex = index;
      }
    });
  });
});

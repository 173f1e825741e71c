import { metadataCommentLines } from './commentMetadata';
import { parsePostmortem } from './parsePostmortem';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function windowOf(source: string) {
  const result = parsePostmortem(source, { id: 'comment' });
  if (!result.ok) return result.error;
  return [iso(result.incident.start), iso(result.incident.end), result.reading.window.rule, result.reading.window.line.text];
}

const LOG = [
  '**Update**: Storage targets failed during the maintenance.',
  '<br><span class="timestamp">May 17, 16:30 PDT</span>',
  '',
  '**Resolved**: The job scheduler is back.',
  '<br><span class="timestamp">June 1, 16:00 PDT</span>',
  '',
].join('\n');
const UNSCHEDULED = '<!--\nstart: 2023-05-17T17:00:00\nstop: 2023-06-01T16:00:00\nlength: 359 hours\nreason: unscheduled\n -->';
const SCHEDULED = '<!--\nstart: 2023-05-16T21:00:00\nstop: 2023-05-17T17:00:00\nseverity: under-maintenance\nreason: scheduled\n -->';

describe('metadata in HTML comments', () => {
  it('reads the start and stop fields of a metadata block, in the zone of the document\'s times', () => {
    expect(windowOf(`${LOG}${SCHEDULED}\n${UNSCHEDULED}`)).toEqual([
      '2023-05-18T00:00:00.000Z',
      '2023-06-01T23:00:00.000Z',
      'start-end-lines',
      'start: 2023-05-17T17:00:00 (in an HTML comment)',
    ]);
  });

  it('passes over a block about a scheduled maintenance', () => {
    expect(metadataCommentLines(SCHEDULED)).toEqual([]);
  });

  it('never reads the prose of a comment: readers of the page do not see it', () => {
    const source = `<p>2024-01-15 10:05 UTC: Site down.</p><p>2024-01-15 10:40 UTC: Incident resolved.</p>\n<!-- The outage lasted from 09:00 to 12:00 on 2024-01-15 -->`;
    expect(windowOf(source)).toEqual(['2024-01-15T10:05:00.000Z', '2024-01-15T10:40:00.000Z', 'impact-to-resolution', '2024-01-15 10:05 UTC: Site down.']);
  });

  it('lets a window the document states win over its metadata', () => {
    const source = `<p>Start: 2023-05-17 18:00 PDT</p><p>End: 2023-05-18 09:00 PDT</p>\n${UNSCHEDULED}`;
    expect(windowOf(source)).toEqual(['2023-05-18T01:00:00.000Z', '2023-05-18T16:00:00.000Z', 'start-end-lines', 'Start: 2023-05-17 18:00 PDT']);
  });
});

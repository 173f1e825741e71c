import { readFrontMatter } from './documentContext';
import { parsePostmortem } from './parsePostmortem';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function read(source: string) {
  const result = parsePostmortem(source, { id: 'status' });
  if (!result.ok) throw new Error(result.error);
  return {
    window: [iso(result.incident.start), iso(result.incident.end)],
    events: result.incident.events.map((event) => `${iso(event.time)} ${event.text}`),
  };
}

const CSTATE = [
  '+++',
  'title = "Database Outage"',
  'date = 2020-01-19T11:23:00.000Z',
  'affectedsystems = ["Database"]',
  'resolved = true',
  '+++',
  '**Issue:** Some customers report that their events no longer show. We are looking into it.',
  '{{< track "2020-01-19T11:29:00.000Z" >}}Data for some accounts is missing.',
  '{{< track "2020-01-19T14:43:00.000Z" >}}Incident resolved.',
].join('\n');

describe('a status-page incident kept as a file', () => {
  it('reads TOML front matter as it reads YAML: its title and date', () => {
    const frontMatter = readFrontMatter('+++\ntitle = "Homeserver outage (25th Jan 2017)"\n+++\nText');
    expect([frontMatter.title, frontMatter.date, frontMatter.body]).toEqual(['Homeserver outage (25th Jan 2017)', { year: 2017, month: 1, day: 25 }, 'Text']);
  });

  it('opens at the front matter date: the first update, which has no stamp of its own, is an event then', () => {
    expect(read(CSTATE)).toEqual({
      window: ['2020-01-19T11:23:00.000Z', '2020-01-19T14:43:00.000Z'],
      events: [
        '2020-01-19T11:23:00.000Z Issue: Some customers report that their events no longer show. We are looking into it.',
        '2020-01-19T11:29:00.000Z Data for some accounts is missing.',
        '2020-01-19T14:43:00.000Z Incident resolved.',
      ],
    });
  });

  it('adds nothing where the first entry already states the opening time', () => {
    const source = '---\nlayout: status\ndate: 2013-03-27 00:29 UTC\n---\n\n## Timeline\n\n* [2013-03-27 00:29 UTC] Incident opened.\n* [2013-03-27 00:35 UTC] Routing is down.';
    expect(read(source).events).toEqual(['2013-03-27T00:29:00.000Z Incident opened.', '2013-03-27T00:35:00.000Z Routing is down.']);
  });

  it('never makes a blog post\'s publication date an event', () => {
    const source = '---\ntitle: "Postmortem"\ndate: 2020-01-21 09:00:00 +0000\n---\n\n## Timeline\n\n- 11:29 UTC: The site went down.\n- 14:43 UTC: Incident resolved.';
    expect(read(source).events).toEqual(['2020-01-21T11:29:00.000Z The site went down.', '2020-01-21T14:43:00.000Z Incident resolved.']);
  });
});

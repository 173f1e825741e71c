// @vitest-environment jsdom
import fc from 'fast-check';
import { readFixture, readSeed, SEED_EVENTS } from './fixtures/readFixture';
import type { Incident } from './model';
import type { ParseResult } from './parsePostmortem';
import { parsePostmortem } from './parsePostmortem';
import type { PostmortemReading } from './reading';

function parsed(result: ParseResult): { incident: Incident; reading: PostmortemReading } {
  if (!result.ok) throw new Error(`expected a parsed incident, got: ${result.error}`);
  return result;
}

const at = (iso: string) => Date.parse(iso);

describe('parsePostmortem on the seed postmortem', () => {
  const { incident, reading } = parsed(parsePostmortem(readSeed(), { id: 'seed-000' }));

  it('reads the outage window 10:00–12:30 UTC on 2024-01-15', () => {
    expect(incident.start).toBe(at('2024-01-15T10:00:00Z'));
    expect(incident.end).toBe(at('2024-01-15T12:30:00Z'));
    expect(incident.timezone).toBe('UTC');
    expect(incident.id).toBe('seed-000');
  });

  it('reads exactly the seven timeline entries, with their times, texts and kinds', () => {
    expect(incident.events).toEqual(
      SEED_EVENTS.map(([time, kind, text]) => ({ time: at(`2024-01-15T${time}:00Z`), kind, text })),
    );
  });

  it('reads impact, root cause, summary and a title from the root cause', () => {
    expect(incident.impact).toMatch(/approximately 60% of users/);
    expect(incident.impact).not.toMatch(/\n| {2}/);
    expect(incident.rootCause).toMatch(/^The root cause was a memory leak .*caching mechanism/);
    // The first Root Cause paragraph, not the one under "Root Cause and Resolution".
    expect(incident.rootCause).not.toMatch(/magician/);
    expect(incident.summary).toBe('Our web application, the heart of our digital ecosystem, was down for a bit.');
    expect(incident.title).toBe("Memory leak in our application's backend");
    expect(incident.severity).toBeUndefined();
  });

  it('finds nothing wrong with its lifecycle', () => {
    expect(reading.timingProblems).toEqual([]);
  });

  it('says how it read it: no zone named, the window from the line naming the outage, nothing left unplaced', () => {
    expect(incident.timezoneSource).toEqual({ kind: 'assumed' });
    expect(reading).toEqual({
      requestedZone: 'UTC',
      timezoneStated: false,
      // An HTML document's lines are laid out, not written: no line number.
      window: { rule: 'outage-line', line: { text: 'Duration of Outage: The outage occurred from 10:00 AM to 12:30 PM on January 15, 2024.' } },
      timelineSection: true,
      unplacedLines: [],
      unplacedLineCount: 0,
      timingProblems: [],
    });
  });

  it('reads the wall-clock times in the zone it is given (Berlin in January is +01:00)', () => {
    const berlin = parsed(parsePostmortem(readSeed(), { id: 'seed-000', timezone: 'Europe/Berlin' })).incident;
    expect(berlin.start).toBe(at('2024-01-15T09:00:00Z'));
    expect(berlin.end).toBe(at('2024-01-15T11:30:00Z'));
    expect(berlin.events[1]?.time).toBe(at('2024-01-15T09:15:00Z'));
    expect(berlin.timezone).toBe('Europe/Berlin');
  });
});

describe('parsePostmortem on other shapes of postmortem', () => {
  it('reads a markdown postmortem with 24-hour times, an ISO date and a stated zone', () => {
    const { incident, reading } = parsed(
      parsePostmortem(readFixture('markdown-24h-iso.md'), { id: 'checkout', timezone: 'Europe/Berlin' }),
    );
    // "14:05 to 15:40 UTC" wins over the caller's zone; the date comes from the "Date:" line.
    expect([incident.start, incident.end]).toEqual([at('2024-03-04T14:05:00Z'), at('2024-03-04T15:40:00Z')]);
    expect(incident.timezone).toBe('UTC');
    expect(incident.timezoneSource).toEqual({ kind: 'stated', written: 'UTC' });
    expect(reading.requestedZone).toBe('Europe/Berlin');
    expect(reading.window).toEqual({ rule: 'outage-line', line: { number: 5, text: '**Window:** 14:05 to 15:40 UTC' } });
    expect(reading.timingProblems).toEqual([]);
    expect(incident.title).toBe('Checkout API returned 502s');
    expect(incident.severity).toBe('SEV-2');
    expect(incident.summary).toBe('About 23% of checkout requests failed with HTTP 502 for 95 minutes.');
    expect(incident.rootCause).toBe('A connection pool limit of 50 in the payments gateway, lowered by the 14:00 deploy.');
    expect(incident.events.map((event) => [new Date(event.time).toISOString().slice(11, 16), event.kind])).toEqual([
      ['14:00', 'started'],
      ['14:05', 'detected'],
      ['14:12', 'acknowledged'],
      ['14:40', 'escalated'],
      ['14:55', 'identified'],
      ['15:10', 'mitigated'],
      ['15:40', 'resolved'],
    ]);
    // A wrapped entry keeps its second line; the "Action items" entry is outside the timeline.
    expect(incident.events[4]?.text).toBe(
      'Payments team identified the connection pool limit as the cause; the limit had been lowered from 500 to 50.',
    );
    expect(incident.events[3]?.text).toBe('Escalated to the payments team.');
  });

  it('reads times with a written offset in that offset, whatever zone it is given', () => {
    const { incident } = parsed(parsePostmortem(readFixture('offset-plus-two.html'), { id: 'search', timezone: 'America/New_York' }));
    expect([incident.start, incident.end]).toEqual([at('2024-07-02T07:15:00Z'), at('2024-07-02T08:45:00Z')]);
    expect(incident.events.map((event) => event.time)).toEqual(
      ['07:15', '07:20', '07:50', '08:45'].map((time) => at(`2024-07-02T${time}:00Z`)),
    );
    expect(incident.events[0]?.text).toBe('Synthetic checks detected empty search results.');
    expect(incident.timezone).toBe('Etc/GMT-2');
    expect(incident.title).toBe('Search index outage in Frankfurt');
    expect(incident.severity).toBe('High');
  });

  it('moves entries after midnight to the next day, and keeps an entry just before the start on the first', () => {
    const { incident, reading } = parsed(parsePostmortem(readFixture('crossing-midnight.txt'), { id: 'billing' }));
    expect([incident.start, incident.end]).toEqual([at('2024-02-29T23:40:00Z'), at('2024-03-01T01:10:00Z')]);
    expect(incident.events.map((event) => [new Date(event.time).toISOString(), event.kind])).toEqual([
      ['2024-02-29T23:35:00.000Z', 'started'],
      ['2024-02-29T23:40:00.000Z', 'detected'],
      ['2024-02-29T23:52:00.000Z', 'acknowledged'],
      ['2024-03-01T00:05:00.000Z', 'identified'],
      ['2024-03-01T00:40:00.000Z', 'mitigated'],
      ['2024-03-01T01:10:00.000Z', 'resolved'],
    ]);
    expect(incident.title).toBe('Batch scheduler held a lock that the billing job waited on');
    expect(reading.timingProblems).toEqual([]);
    expect(reading.unplacedLines).toEqual([]);
  });

  it('says what it could not find in a postmortem without a window', () => {
    expect(parsePostmortem(readFixture('no-window.txt'), { id: 'login' })).toEqual({
      ok: false,
      error:
        'No outage window found (expected a line like "Duration of Outage: … from 10:00 AM to 12:30 PM on January 15, 2024", or a timeline of entries like "2024-01-15 10:15 UTC: alert fired")',
    });
  });

  it('accepts a window without a timeline, with no events, and says there was no Timeline section', () => {
    const { incident, reading } = parsed(
      parsePostmortem('Outage window: 2024-01-15 10:00 to 12:30 UTC.\n\nImpact: Slow pages.', { id: 'bare' }),
    );
    expect(incident.events).toEqual([]);
    expect(reading.timelineSection).toBe(false);
    expect(incident.title).toBe('Incident on 2024-01-15');
  });

  it('tells a Timeline section without entries from a document without one', () => {
    const result = parsed(
      parsePostmortem('Duration: 10:00 to 12:30 on 2024-01-15\n\nTimeline\nWe were slow to notice.\n', { id: 'empty' }),
    );
    expect(result.incident.events).toEqual([]);
    expect(result.reading.timelineSection).toBe(true);
    // Prose without a time is no event that failed to be placed.
    expect(result.reading.unplacedLines).toEqual([]);
  });

  it('reads only lines under the Timeline heading when there is one', () => {
    const source = [
      'Duration: 10:00 to 12:30 on 2024-01-15',
      '09:00: Not an event: this line is above the timeline.',
      '## Timeline',
      '10:00: Alert fired.',
      '## Follow-up',
      '13:00: Not an event either.',
    ].join('\n');
    expect(parsed(parsePostmortem(source, { id: 'x' })).incident.events.map((event) => event.text)).toEqual(['Alert fired.']);
  });

  it('reports lifecycle problems found by validateIncident', () => {
    const source = 'Duration: 10:00 to 12:30 on 2024-01-15\n10:05: Rolled back to mitigate.\n10:20: Alert fired, issue detected.\n';
    expect(parsed(parsePostmortem(source, { id: 'x' })).reading.timingProblems).toEqual([
      expect.stringMatching(/^The first "mitigated" event .* comes before the first "detected" event/),
    ]);
  });
});

describe('what parsePostmortem says about how it read a document', () => {
  it.each<[string, string, string, Incident['timezoneSource'], string]>([
    ['no zone anywhere', 'Outage: 10:00 to 12:30 on 2024-01-15', 'Europe/Berlin', { kind: 'assumed' }, 'Europe/Berlin'],
    ['UTC in the window', 'Outage: 10:00 to 12:30 UTC on 2024-01-15', 'UTC', { kind: 'stated', written: 'UTC' }, 'UTC'],
    ['"All times are UTC" above the window', 'All times are UTC.\n\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', { kind: 'stated', written: 'UTC' }, 'UTC'],
    ['an abbreviation for all times', 'All times are in PST.\n\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', { kind: 'stated', written: 'PST' }, 'Etc/GMT+8'],
    ['an IANA name', 'Time zone: Asia/Kolkata\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', { kind: 'stated', written: 'Asia/Kolkata' }, 'Asia/Kolkata'],
    ['a whole-hour offset', 'Outage: 10:00 to 12:30 +02:00 on 2024-01-15', 'UTC', { kind: 'stated', written: '+02:00' }, 'Etc/GMT-2'],
    ['an offset no IANA zone has', 'Outage: 10:00 to 12:30 UTC+5:30 on 2024-01-15', 'UTC', { kind: 'stated-offset', written: 'UTC+5:30' }, 'UTC'],
    ['a zone on the "Start:" line', 'Start: 2024-01-15 10:00 UTC\nEnd: 2024-01-15 12:30 UTC', 'Europe/Berlin', { kind: 'stated', written: 'UTC' }, 'UTC'],
  ])('whether the zone was stated: %s', (_name, source, timezone, timezoneSource, shownIn) => {
    const { incident } = parsed(parsePostmortem(source, { id: 'z', timezone }));
    expect(incident.timezoneSource).toEqual(timezoneSource);
    expect(incident.timezone).toBe(shownIn);
  });

  it.each([
    ['a line that names the outage', 'The 09:00 to 09:30 deploy went fine on 2024-01-15.\nOutage window: 10:00 to 12:30 on 2024-01-15', 'outage-line', 2],
    ['the first time range when no line names the outage', 'Summary\n\nWe looked into it from 10:00 to 12:30 on 2024-01-15.', 'time-range', 3],
    ['"Start:" and "End:" lines', 'Title\nStart: 2024-01-15 10:00 UTC\nEnd: 2024-01-15 12:30 UTC', 'start-end-lines', 2],
  ])('which rule chose the window: %s', (_name, source, rule, number) => {
    const { reading } = parsed(parsePostmortem(source, { id: 'w' }));
    expect(reading.window.rule).toBe(rule);
    expect(reading.window.line).toEqual({ number, text: source.split('\n')[number - 1] });
  });

  it('lists the timeline lines that hold a time but are no entry, with their numbers', () => {
    const source = [
      'Duration: 10:00 to 12:30 on 2024-01-15',
      '',
      '## Timeline',
      '10:00: Alert fired.',
      '',
      'At 10:20 we paged the database team.',
      'Nobody answered for a while.',
      '',
      '11:00: Failed over to mitigate.',
    ].join('\n');
    const { incident, reading } = parsed(parsePostmortem(source, { id: 'u' }));
    expect(incident.events.map((event) => event.text)).toEqual(['Alert fired.', 'Failed over to mitigate.']);
    expect(reading.unplacedLines).toEqual([{ number: 6, text: 'At 10:20 we paged the database team.' }]);
    expect(reading.unplacedLineCount).toBe(1);
  });

  it('lists the first fifty unplaced lines and counts the rest', () => {
    const lines = Array.from({ length: 55 }, (_, index) => `\nSomething happened at ${String(10 + Math.floor(index / 50))}:${String(10 + (index % 50))}.`);
    const { reading } = parsed(parsePostmortem(`Duration: 10:00 to 12:30 on 2024-01-15\n## Timeline\n${lines.join('\n')}`, { id: 'u' }));
    expect(reading.unplacedLines).toHaveLength(50);
    expect(reading.unplacedLines[0]).toEqual({ number: 4, text: 'Something happened at 10:10.' });
    expect(reading.unplacedLineCount).toBe(55);
  });
});

describe('parsePostmortem on hostile and unreadable input', () => {
  afterEach(() => {
    delete (globalThis as { __postmortemPwned?: unknown }).__postmortemPwned;
  });

  it('keeps scripts, handlers and javascript: links out of the result and never runs them', async () => {
    const { incident } = parsed(parsePostmortem(readFixture('hostile.html'), { id: 'hostile' }));
    // Give any handler the parser might have let loose a chance to run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((globalThis as { __postmortemPwned?: unknown }).__postmortemPwned).toBeUndefined();
    expect(document.body.childNodes).toHaveLength(0);

    expect(incident.events.map((event) => [new Date(event.time).toISOString().slice(11, 16), event.text])).toEqual([
      ['10:00', 'Latency alert fired (dashboard).'],
      ['10:10', 'Engineer acknowledged the page and began investigating.'],
      ['10:30', 'Engineer identified the expiring keys.'],
      ['11:00', 'Added jitter to key expiry; resolved.'],
    ]);
    expect(incident.impact).toBe('Product pages timed out.');
    // Escaped markup in the source is text in the result: inert, and never decoded twice.
    expect(incident.rootCause).toBe('Cache keys expired together <script>alert(1)</script> at the top of the hour.');
    const everything = JSON.stringify(incident);
    for (const leaked of ['__postmortemPwned', 'onerror', 'javascript:', 'injected', 'Injected', 'commented-out', 'content:']) {
      expect(everything).not.toContain(leaked);
    }
  });

  it.each([
    ['an empty document', '', /empty/],
    ['whitespace only', ' \n\t ', /empty/],
    ['binary data', String.fromCharCode(...Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256)), /binary/],
    ['a PNG header', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000', /binary/],
  ])('rejects %s with a message', (_name, source, message) => {
    const result = parsePostmortem(source, { id: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('rejects a zone that is not an IANA name', () => {
    expect(parsePostmortem(readSeed(), { id: 'x', timezone: 'Mars/Olympus' })).toEqual({
      ok: false,
      error: 'Unknown time zone "Mars/Olympus" (expected an IANA name like "Europe/Berlin").',
    });
  });

  it('does not throw for a value that is not a string', () => {
    expect(parsePostmortem(42 as unknown as string, { id: 'x' })).toMatchObject({ ok: false });
  });

  it('never throws, and returns plain data, for arbitrary text', () => {
    const fragments = fc.constantFrom(
      '<script>', '</script>', '<p>', '<h3>Timeline</h3>', '10:15 AM: ', '23:59 - ', 'from ', ' to ', '12:30 PM ',
      'on January 15, 2024', '2024-01-15', '&lt;', '&#0;', '&#x110000;', '<!--', '\n', 'Impact: ', 'Root Cause: ', 'UTC', '+14:00',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fragments), { maxLength: 30 }), (parts) => {
        const result = parsePostmortem(parts.join(''), { id: 'fuzz' });
        if (result.ok) {
          expect(Number.isFinite(result.incident.start)).toBe(true);
          for (const event of result.incident.events) expect(typeof event.text).toBe('string');
        } else {
          expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses a 5 MB document in well under a second', () => {
    const timelineHtml = '<p>10:15 AM: An engineer <b>confirmed</b> the alert &amp; began investigating.</p>\n';
    const source =
      '<p>Duration of Outage: from 10:00 AM to 12:30 PM on January 15, 2024.</p><h3>Timeline</h3>' +
      timelineHtml.repeat(Math.ceil(5_000_000 / timelineHtml.length));
    const started = performance.now();
    const result = parsed(parsePostmortem(source, { id: 'big' }));
    // A termination check, not a timing: catastrophic backtracking would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.incident.events).toHaveLength(1000);
    expect(result.reading).toMatchObject({ readOnlyChars: 1_000_000, readOnlyEvents: 1000 });
  });

  it.each([
    ['unclosed tags', '<a '.repeat(1_700_000)],
    ['unclosed scripts', '<script>'.repeat(650_000)],
    ['one endless line of digits and colons', '1:2:3 '.repeat(850_000)],
    ['endless "from … to"', 'from 10:00 to '.repeat(370_000)],
  ])('gives up quickly on 5 MB of %s', (_name, source) => {
    const started = performance.now();
    const result = parsePostmortem(source, { id: 'hostile' });
    // A termination check, not a timing: catastrophic backtracking would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(typeof result.ok).toBe('boolean');
  });
});

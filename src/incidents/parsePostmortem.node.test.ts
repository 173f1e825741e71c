// @vitest-environment node
// Without a DOM the parser falls back to its own tag scanner; these run the same documents through it.
import { readFixture, readSeed, SEED_EVENTS } from './fixtures/readFixture';
import { parsePostmortem } from './parsePostmortem';

describe('parsePostmortem without a DOM', () => {
  it('runs where there is no DOMParser', () => {
    expect(typeof globalThis.DOMParser).toBe('undefined');
  });

  it('reads the seed postmortem: window, seven events, impact and root cause', () => {
    const result = parsePostmortem(readSeed(), { id: 'seed-000' });
    if (!result.ok) throw new Error(result.error);
    const { incident, reading } = result;
    expect([incident.start, incident.end]).toEqual([Date.parse('2024-01-15T10:00:00Z'), Date.parse('2024-01-15T12:30:00Z')]);
    expect(incident.events).toEqual(
      SEED_EVENTS.map(([time, kind, text]) => ({ time: Date.parse(`2024-01-15T${time}:00Z`), kind, text })),
    );
    expect(incident.impact).toContain('60%');
    expect(incident.rootCause).toContain('caching mechanism');
    expect(incident.title).toBe("Memory leak in our application's backend");
    expect(reading.timingProblems).toEqual([]);
    expect(incident.timezoneSource).toEqual({ kind: 'assumed' });
  });

  it('drops scripts, styles, comments and attributes of a hostile document', () => {
    const result = parsePostmortem(readFixture('hostile.html'), { id: 'hostile' });
    if (!result.ok) throw new Error(result.error);
    expect(result.incident.events.map((event) => event.text)).toEqual([
      'Latency alert fired (dashboard).',
      'Engineer acknowledged the page and began investigating.',
      'Engineer identified the expiring keys.',
      'Added jitter to key expiry; resolved.',
    ]);
    expect(result.incident.rootCause).toBe('Cache keys expired together <script>alert(1)</script> at the top of the hour.');
    // <title> holds text only, so its "<script>" is text, as a browser reads it.
    expect(result.incident.title).toBe("Cache stampede <script>alert('title')</script>");
    const everything = JSON.stringify(result.incident);
    for (const leaked of ['__postmortemPwned', 'onerror', 'javascript:', 'injected', 'Injected', 'commented-out', 'content:']) {
      expect(everything).not.toContain(leaked);
    }
  });

  it('reads an HTML postmortem with a written offset', () => {
    const result = parsePostmortem(readFixture('offset-plus-two.html'), { id: 'search' });
    if (!result.ok) throw new Error(result.error);
    expect(result.incident.start).toBe(Date.parse('2024-07-02T07:15:00Z'));
    expect(result.incident.events.map((event) => event.kind)).toEqual(['detected', 'acknowledged', 'mitigated', 'resolved']);
    expect(result.incident.title).toBe('Search index outage in Frankfurt');
  });

  it('parses a 5 MB HTML document in well under a second', () => {
    const entry = '<li>10:15 AM: An engineer <b>confirmed</b> the alert &amp; began <script>x()</script>investigating.</li>\n';
    const source =
      '<p>Duration of Outage: from 10:00 AM to 12:30 PM on January 15, 2024.</p><h3>Timeline</h3><ul>' +
      entry.repeat(Math.ceil(5_000_000 / entry.length));
    const started = performance.now();
    const result = parsePostmortem(source, { id: 'big' });
    // A termination check, not a timing: catastrophic backtracking would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.ok && result.incident.events[0]?.text).toBe('An engineer confirmed the alert & began investigating.');
  });
});

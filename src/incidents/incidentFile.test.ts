import fc from 'fast-check';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import { INCIDENT_FILE_LIMITS, readIncidentFile, readIncidentFileText, toIncidentFile } from './incidentFile';
import type { Incident } from './model';

const valid = {
  schemaVersion: 1,
  id: 'db-failover-2024-01',
  title: 'Database failover',
  timezone: 'Europe/Berlin',
  start: '2024-01-15T12:00:00+01:00',
  end: '2024-01-15T12:40:00+01:00',
  severity: 'SEV-2',
  impact: 'Checkout failed for 40 minutes',
  events: [
    { time: '2024-01-15T11:20:00Z', kind: 'mitigated', text: 'Failover started by hand' },
    { time: '2024-01-15T12:05:00+01:00', kind: 'detected', text: 'Primary stopped answering' },
  ],
};

function errorOf(raw: unknown): string {
  const result = readIncidentFile(raw);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('reading an incident file', () => {
  it('gives the incident in epoch ms, events in time order, the zone as stated', () => {
    const result = readIncidentFile(valid);
    expect(result).toEqual({
      ok: true,
      incident: {
        id: 'db-failover-2024-01',
        title: 'Database failover',
        severity: 'SEV-2',
        impact: 'Checkout failed for 40 minutes',
        start: Date.UTC(2024, 0, 15, 11, 0),
        end: Date.UTC(2024, 0, 15, 11, 40),
        events: [
          { time: Date.UTC(2024, 0, 15, 11, 5), kind: 'detected', text: 'Primary stopped answering' },
          { time: Date.UTC(2024, 0, 15, 11, 20), kind: 'mitigated', text: 'Failover started by hand' },
        ],
        timezone: 'Europe/Berlin',
        timezoneSource: { kind: 'stated', written: 'Europe/Berlin' },
      },
    });
  });

  it('reads an incident with no end as still open', () => {
    const { end: _end, ...open } = valid;
    const result = readIncidentFile(open);
    expect(result.ok && result.incident.end).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['a missing title', { ...valid, title: undefined }, 'field "title"'],
    ['an empty title', { ...valid, title: '  ' }, 'field "title"'],
    ['a time without offset', { ...valid, start: '2024-01-15T12:00:00' }, 'field "start" must be an ISO 8601 time with an offset'],
    ['an event time that does not exist', { ...valid, events: [{ ...valid.events[0], time: '2024-02-30T10:00:00Z' }] }, 'field "events.0.time"'],
    ['an unknown kind', { ...valid, events: [{ ...valid.events[0], kind: 'panicked' }] }, 'field "events.0.kind"'],
    ['an unknown zone', { ...valid, timezone: 'Mars/Olympus' }, 'field "timezone" must be an IANA time zone'],
    ['an end before the start', { ...valid, end: '2024-01-15T10:00:00Z' }, 'field "end" must not be before "start"'],
    ['an id that cannot go into a link', { ...valid, id: 'a b&c' }, 'field "id"'],
    ['an unknown field (a typo)', { ...valid, rootcause: 'disk' }, 'rootcause'],
    ['no version', { ...valid, schemaVersion: undefined }, 'field "schemaVersion"'],
    ['a newer version', { ...valid, schemaVersion: 2 }, 'field "schemaVersion" is 2, newer than this vigil reads (1)'],
    ['not an object', [valid], 'expected object'],
  ])('refuses %s, naming the field', (_case, raw, expected) => {
    expect(errorOf(raw)).toContain(expected);
  });

  it('bounds every string and count a hostile file could inflate', () => {
    const L = INCIDENT_FILE_LIMITS;
    const long = (n: number) => 'x'.repeat(n + 1);
    expect(errorOf({ ...valid, id: long(L.idChars) })).toContain('field "id"');
    expect(errorOf({ ...valid, title: long(L.titleChars) })).toContain('field "title"');
    expect(errorOf({ ...valid, severity: long(L.severityChars) })).toContain('field "severity"');
    expect(errorOf({ ...valid, rootCause: long(L.textChars) })).toContain('field "rootCause"');
    expect(errorOf({ ...valid, timezone: long(L.timezoneChars) })).toContain('field "timezone"');
    expect(errorOf({ ...valid, start: `2024-01-15T12:00:00${'0'.repeat(100)}Z` })).toContain('field "start"');
    const event = valid.events[0];
    expect(errorOf({ ...valid, events: [{ ...event, text: long(L.textChars) }] })).toContain('field "events.0.text"');
    expect(errorOf({ ...valid, events: Array.from({ length: L.events + 1 }, () => event) })).toContain('field "events"');
  });

  it('refuses text that is not JSON or larger than the cap before parsing it', () => {
    expect(readIncidentFileText('{"schemaVersion":1,')).toEqual({ ok: false, error: 'not valid JSON' });
    const huge = JSON.stringify({ ...valid, summary: 'x'.repeat(INCIDENT_FILE_LIMITS.fileBytes) });
    expect(readIncidentFileText(huge)).toEqual({ ok: false, error: 'the file is larger than 1,000,000 bytes' });
    expect(readIncidentFileText(JSON.stringify(valid)).ok).toBe(true);
  });

  it('keeps hostile text as text', () => {
    const result = readIncidentFile({ ...valid, title: '<img src=x onerror=alert(1)>' });
    expect(result.ok && result.incident.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('writing an incident file', () => {
  const zones = fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham');
  const instant = fc.integer({ min: EARLIEST_TIME_MS, max: LATEST_TIME_MS });
  const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.trim()).filter((s) => s !== '');
  const incident: fc.Arbitrary<Incident> = fc
    .record(
      {
        id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/),
        title: text(80),
        severity: text(20),
        summary: text(200),
        impact: text(200),
        rootCause: text(200),
        timezone: zones,
        start: instant,
        span: fc.option(fc.integer({ min: 0, max: 30 * 24 * 3_600_000 }), { nil: undefined }),
        events: fc.array(fc.record({ time: instant, kind: fc.constantFrom(...INCIDENT_EVENT_KINDS), text: text(100) }), { maxLength: 8 }),
      },
      { requiredKeys: ['id', 'title', 'timezone', 'start', 'events'] },
    )
    .filter(({ start, span }) => span === undefined || start + span <= LATEST_TIME_MS)
    .map(({ span, timezone, events, ...rest }) => ({
      ...rest,
      ...(span !== undefined && { end: rest.start + span }),
      timezone,
      timezoneSource: { kind: 'stated', written: timezone } as const,
      events: [...events].sort((a, b) => a.time - b.time),
    }));

  it('reads back as the same incident (Incident → file → JSON → Incident)', () => {
    fc.assert(
      fc.property(incident, (original) => {
        const json = JSON.stringify(toIncidentFile(original));
        expect(readIncidentFileText(json)).toEqual({ ok: true, incident: original });
      }),
    );
  });

  it('always writes a file it can read, whatever the incident (a pasted postmortem with odd ids and long texts)', () => {
    const loose: fc.Arbitrary<Incident> = fc.record({
      id: fc.string({ maxLength: 300 }),
      title: fc.string({ maxLength: 600 }),
      rootCause: fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
      start: instant,
      end: fc.option(instant, { nil: undefined }),
      timezone: fc.constantFrom('UTC', 'Asia/Tokyo', 'not a zone'),
      events: fc.array(fc.record({ time: instant, kind: fc.constantFrom(...INCIDENT_EVENT_KINDS), text: fc.string({ maxLength: 2500 }) }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(loose, (original) => {
        expect(readIncidentFileText(JSON.stringify(toIncidentFile(original))).ok).toBe(true);
      }),
    );
  });

  it('writes events in time order whatever order the incident holds them in (events at one instant keep theirs)', () => {
    const at = (iso: string) => Date.parse(iso);
    const file = toIncidentFile({
      id: 'x',
      title: 'X',
      start: at('2024-01-15T10:00:00Z'),
      timezone: 'UTC',
      events: [
        { time: at('2024-01-15T10:30:00Z'), kind: 'resolved', text: 'Fixed' },
        { time: at('2024-01-15T10:05:00Z'), kind: 'detected', text: 'Paged' },
        { time: at('2024-01-15T10:05:00Z'), kind: 'acknowledged', text: 'On it' },
      ],
    });
    expect(file.events.map((event) => event.text)).toEqual(['Paged', 'On it', 'Fixed']);
  });

  it('writes the documented shape: version first, times with the zone offset', () => {
    const result = readIncidentFile(valid);
    if (!result.ok) throw new Error(result.error);
    const file = toIncidentFile(result.incident);
    expect(Object.keys(file)).toEqual(['schemaVersion', 'id', 'title', 'timezone', 'start', 'end', 'severity', 'impact', 'events']);
    expect(file.start).toBe('2024-01-15T12:00:00+01:00');
    expect(file.events[0]).toEqual({ time: '2024-01-15T12:05:00+01:00', kind: 'detected', text: 'Primary stopped answering' });
  });
});

describe('the documented example', () => {
  it('is a valid incident file that round-trips', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(`${process.cwd()}/docs/incident-file.md`, 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = readIncidentFileText(json);
    if (!result.ok) throw new Error(result.error);
    expect(toIncidentFile(result.incident)).toEqual(JSON.parse(json));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import {
  addEvent,
  dropEvent,
  formatWallClockInput,
  parseWallClockInput,
  setEventTime,
  setTimezone,
  setWindow,
  windowRefusal,
} from './editIncident';
import type { Incident } from './model';

const at = (iso: string) => Date.parse(iso);

const read: Incident = {
  id: 'imported-x',
  title: 'Cache stampede',
  start: at('2024-01-15T10:00:00Z'),
  end: at('2024-01-15T12:30:00Z'),
  events: [
    { time: at('2024-01-15T10:00:00Z'), kind: 'detected', text: 'Alert fired' },
    { time: at('2024-01-15T10:15:00Z'), kind: 'acknowledged', text: 'Paged' },
    { time: at('2024-01-15T12:30:00Z'), kind: 'resolved', text: 'Fixed' },
  ],
  timezone: 'UTC',
  timezoneSource: { kind: 'assumed' },
};

describe('edits of a read incident', () => {
  it('an event moved later takes its place in time order', () => {
    const edited = setEventTime(read, 0, at('2024-01-15T11:00:00Z'));
    expect(edited.events.map((e) => e.text)).toEqual(['Paged', 'Alert fired', 'Fixed']);
  });

  it('drops the event asked for and no other', () => {
    expect(dropEvent(read, 1).events.map((e) => e.text)).toEqual(['Alert fired', 'Fixed']);
    expect(dropEvent(read, 7)).toBe(read);
  });

  it('adds an event among the others by its time', () => {
    const edited = addEvent(read, { time: at('2024-01-15T11:00:00Z'), kind: 'mitigated', text: 'Rolled back' });
    expect(edited.events.map((e) => e.kind)).toEqual(['detected', 'acknowledged', 'mitigated', 'resolved']);
  });

  it('sets the window, keeps it open with no end, and refuses an end at or before the start', () => {
    expect(setWindow(read, at('2024-01-15T09:50:00Z'), at('2024-01-15T12:00:00Z'))).toMatchObject({ start: at('2024-01-15T09:50:00Z'), end: at('2024-01-15T12:00:00Z') });
    expect('end' in setWindow(read, at('2024-01-15T09:50:00Z'), undefined)).toBe(false);
    expect(windowRefusal(read.end as number, read.start)).toBe('The window must end after it starts.');
    expect(setWindow(read, read.end as number, read.start)).toBe(read);
  });

  it('a timezone re-reads every written time in that zone: 10:00 stays 10:00 on the clock, an hour earlier in Berlin', () => {
    const berlin = setTimezone(read, 'Europe/Berlin');
    expect(berlin.timezone).toBe('Europe/Berlin');
    expect(berlin.start).toBe(at('2024-01-15T09:00:00Z'));
    expect(berlin.end).toBe(at('2024-01-15T11:30:00Z'));
    expect(berlin.events.map((e) => formatWallClockInput(e.time, 'Europe/Berlin'))).toEqual(['2024-01-15 10:00', '2024-01-15 10:15', '2024-01-15 12:30']);
    // Back again, nothing has drifted.
    expect(setTimezone(berlin, 'UTC')).toMatchObject({ start: read.start, end: read.end, events: read.events });
  });

  it('reads what the review writes in a time field, and refuses what is no time', () => {
    expect(parseWallClockInput('2024-01-15 10:15', 'America/New_York')).toBe(at('2024-01-15T15:15:00Z'));
    expect(parseWallClockInput('2024-01-15T10:15:30', 'UTC')).toBe(at('2024-01-15T10:15:30Z'));
    expect(formatWallClockInput(at('2024-01-15T15:15:30Z'), 'America/New_York')).toBe('2024-01-15 10:15:30');
    for (const wrong of ['', '10:15', '2024-02-30 10:00', '2024-01-15 24:00', '2024-13-01 10:00', 'yesterday']) expect(parseWallClockInput(wrong, 'UTC')).toBeNull();
  });
});

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const instant = fc.oneof(fc.integer({ min: EARLIEST_TIME_MS - 1e12, max: LATEST_TIME_MS + 1e12 }), fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }));
const event = fc.record({ time: instant, kind: fc.constantFrom(...INCIDENT_EVENT_KINDS), text: fc.string({ maxLength: 8 }) });
const edit = fc.oneof(
  fc.tuple(fc.constant('time' as const), fc.nat(12), instant),
  fc.tuple(fc.constant('drop' as const), fc.nat(12)),
  fc.tuple(fc.constant('add' as const), event),
  fc.tuple(fc.constant('window' as const), instant, fc.option(instant, { nil: undefined })),
  fc.tuple(fc.constant('zone' as const), fc.constantFrom(...ZONES)),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(incident: Incident, step: Edit): Incident {
  switch (step[0]) {
    case 'time':
      return setEventTime(incident, step[1], step[2]);
    case 'drop':
      return dropEvent(incident, step[1]);
    case 'add':
      return addEvent(incident, step[1]);
    case 'window':
      return setWindow(incident, step[1], step[2]);
    case 'zone':
      return setTimezone(incident, step[1]);
  }
}

describe('any sequence of edits', () => {
  it('keeps events sorted, every instant within the years vigil shows, and a window that ends after it starts', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 15 }), (steps) => {
        const edited = steps.reduce(apply, read);
        const times = edited.events.map((e) => e.time);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const ms of [...times, edited.start, ...(edited.end === undefined ? [] : [edited.end])]) {
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(EARLIEST_TIME_MS);
          expect(ms).toBeLessThanOrEqual(LATEST_TIME_MS);
        }
        if (edited.end !== undefined) expect(edited.end).toBeGreaterThan(edited.start);
      }),
      { numRuns: 300 },
    );
  });

  it('a time written in the review reads back as the same time in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.constantFrom(...ZONES), (ms, zone) => {
        const minute = Math.floor(ms / 1000) * 1000;
        const written = formatWallClockInput(minute, zone);
        const back = parseWallClockInput(written, zone);
        // A wall time a DST change repeats reads as its first occurrence; it still shows the same clock.
        expect(back === null ? null : formatWallClockInput(back, zone)).toBe(written);
      }),
    );
  });
});

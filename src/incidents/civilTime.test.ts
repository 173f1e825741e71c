import { isValidTimezone, zoneOffsetAt } from '../time';
import { addDays, ianaNameOf, toEpoch } from './civilTime';

const iana = (name: string) => ({ kind: 'iana', name }) as const;
const iso = (ms: number) => new Date(ms).toISOString();

describe('toEpoch', () => {
  it.each([
    ['UTC', '2024-01-15', 10, 0, '2024-01-15T10:00:00.000Z'],
    ['Europe/Berlin', '2024-01-15', 10, 0, '2024-01-15T09:00:00.000Z'],
    ['Europe/Berlin', '2024-07-15', 10, 0, '2024-07-15T08:00:00.000Z'],
    ['Asia/Kolkata', '2024-01-15', 10, 0, '2024-01-15T04:30:00.000Z'],
    ['America/New_York', '2024-01-15', 10, 0, '2024-01-15T15:00:00.000Z'],
    // 02:30 does not exist on the spring-forward day: read as 03:30 EDT.
    ['America/New_York', '2024-03-10', 2, 30, '2024-03-10T07:30:00.000Z'],
    // 01:30 happens twice on the fall-back day: the first (EDT) one.
    ['America/New_York', '2024-11-03', 1, 30, '2024-11-03T05:30:00.000Z'],
    ['America/New_York', '2024-11-03', 3, 0, '2024-11-03T08:00:00.000Z'],
  ])('reads %s %s %d:%d', (zone, date, hour, minute, expected) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    expect(iso(toEpoch({ year, month, day }, { hour, minute, second: 0 }, iana(zone)))).toBe(expected);
  });

  it('reads fixed offsets', () => {
    const offset = { kind: 'offset', minutes: 120, label: '+02:00' } as const;
    expect(iso(toEpoch({ year: 2024, month: 1, day: 15 }, { hour: 10, minute: 0, second: 0 }, offset))).toBe('2024-01-15T08:00:00.000Z');
  });
});

describe('civil time helpers', () => {
  it('knows zone offsets', () => {
    expect(zoneOffsetAt(Date.parse('2024-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetAt(Date.parse('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
  });

  it('adds days across months and leap days', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
  });

  it('tells IANA names from other strings', () => {
    expect(isValidTimezone('Europe/Berlin')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });

  it('names fixed offsets with IANA names where one exists', () => {
    expect(ianaNameOf({ kind: 'offset', minutes: 0, label: 'Z' })).toBe('UTC');
    expect(ianaNameOf({ kind: 'offset', minutes: 120, label: '+02:00' })).toBe('Etc/GMT-2');
    expect(ianaNameOf({ kind: 'offset', minutes: -300, label: 'EST' })).toBe('Etc/GMT+5');
    expect(ianaNameOf({ kind: 'offset', minutes: 330, label: '+05:30' })).toBeUndefined();
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'Etc/GMT-2', hour: 'numeric', hourCycle: 'h23' }).format(0)).toBe('02');
  });
});

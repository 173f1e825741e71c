import type { Incident, IncidentEvent, IncidentEventKind } from './model';
import { validateIncident } from './validateIncident';

const HOUR = 3_600_000;
const START = Date.parse('2024-01-15T10:00:00Z');

function incident(events: Array<[number, IncidentEventKind]>, overrides: Partial<Incident> = {}): Incident {
  const typed: IncidentEvent[] = events.map(([offsetHours, kind]) => ({ time: START + offsetHours * HOUR, kind, text: `${kind} event` }));
  return { id: 'i', title: 't', start: START, end: START + 2.5 * HOUR, events: typed, timezone: 'UTC', ...overrides };
}

describe('validateIncident', () => {
  it('finds nothing wrong with a timeline in lifecycle order inside its window', () => {
    expect(validateIncident(incident([[0, 'detected'], [0.25, 'acknowledged'], [2, 'mitigated'], [2.5, 'resolved']]))).toEqual([]);
  });

  it('accepts an open incident and events before detection (the change that started it)', () => {
    expect(validateIncident(incident([[-0.5, 'started'], [0, 'detected']], { end: undefined }))).toEqual([]);
  });

  it('reports an end before the start', () => {
    expect(validateIncident(incident([], { end: START - HOUR }))).toEqual([
      'The incident ends (2024-01-15T09:00:00Z) before it starts (2024-01-15T10:00:00Z).',
    ]);
  });

  it('reports mitigation and resolution before detection', () => {
    expect(validateIncident(incident([[0.5, 'mitigated'], [0.75, 'resolved'], [1, 'detected'], [2, 'mitigated']]))).toEqual([
      'The first "mitigated" event (2024-01-15T10:30:00Z) comes before the first "detected" event (2024-01-15T11:00:00Z).',
      'The first "resolved" event (2024-01-15T10:45:00Z) comes before the first "detected" event (2024-01-15T11:00:00Z).',
    ]);
  });

  it('reports resolution before mitigation', () => {
    expect(validateIncident(incident([[0, 'detected'], [1, 'resolved'], [2, 'mitigated']]))).toEqual([
      'The first "resolved" event (2024-01-15T11:00:00Z) comes before the first "mitigated" event (2024-01-15T12:00:00Z).',
    ]);
  });

  it('reports events more than 24 h outside the window, and only those', () => {
    const problems = validateIncident(incident([[-25, 'started'], [-23, 'started'], [0, 'detected'], [26, 'other'], [27, 'other']]));
    expect(problems).toEqual([
      'The event at 2024-01-14T09:00:00Z ("started event") is more than 24 h outside the incident window.',
      'The event at 2024-01-16T13:00:00Z ("other event") is more than 24 h outside the incident window.',
    ]);
  });

  it('caps the messages about misplaced events', () => {
    const misplaced = Array.from({ length: 8 }, (_, index): [number, IncidentEventKind] => [48 + index, 'other']);
    const problems = validateIncident(incident(misplaced));
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('3 more events are more than 24 h outside the incident window.');
  });

  it('reports events out of order and invalid times', () => {
    const unsorted = incident([[1, 'detected'], [0, 'other']]);
    expect(validateIncident(unsorted)).toEqual(['Events are not sorted by time: "other event" comes after a later event.']);
    expect(validateIncident(incident([], { start: Number.NaN, end: undefined }))).toEqual(['The start time is not a valid time (NaN).']);
  });
});

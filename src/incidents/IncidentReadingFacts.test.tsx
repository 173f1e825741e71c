import { render, screen, within } from '@testing-library/react';
import { IncidentReadingFacts } from './IncidentReadingFacts';
import type { Incident } from './model';
import { parsePostmortem, type ParsePostmortemOptions } from './parsePostmortem';

function renderRead(source: string, options: Partial<ParsePostmortemOptions> = {}) {
  const result = parsePostmortem(source, { id: 'x', ...options });
  if (!result.ok) throw new Error(result.error);
  return render(<IncidentReadingFacts incident={result.incident} reading={result.reading} />);
}

function notes(): string[] {
  const list = screen.queryByRole('list', { name: 'Notes on this incident' });
  return list ? within(list).getAllByRole('listitem').map((item) => item.textContent ?? '') : [];
}

describe('IncidentReadingFacts', () => {
  it.each([
    ['no zone', 'Outage: 10:00 to 12:30 on 2024-01-15', 'Europe/Berlin', 'Incident times read as Europe/Berlin: the postmortem names no timezone.'],
    ['UTC, opened in UTC', 'Outage: 10:00 to 12:30 UTC on 2024-01-15', 'UTC', 'Incident times read as UTC, as the postmortem states.'],
    ['UTC, opened in Berlin', 'Outage: 10:00 to 12:30 UTC on 2024-01-15', 'Europe/Berlin', 'Incident times read as UTC, as the postmortem states, not as Europe/Berlin.'],
    ['an abbreviation', 'All times are PST.\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', 'Incident times read as Etc/GMT+8, as the postmortem states ("PST"), not as UTC.'],
    [
      'an offset without an IANA name',
      'Outage: 10:00 to 12:30 +05:30 on 2024-01-15',
      'UTC',
      'Incident times read at the offset the postmortem states (+05:30); it has no IANA zone name, so they are converted exactly and shown in UTC.',
    ],
  ])('words the timezone: %s', (_name, source, timezone, sentence) => {
    renderRead(source, { timezone });
    expect(screen.getByText(sentence)).toBeInTheDocument();
  });

  it.each([
    ['Title\nWe looked into it from 10:00 to 12:30 on 2024-01-15.', 'No line names the outage; the window was read from the first time range, line 2: "We looked into it from 10:00 to 12:30 on 2024-01-15.".'],
    ['Title\nStart: 2024-01-15 10:00\nEnd: 2024-01-15 12:30', 'Outage window read from the "Start:" and "End:" lines, starting at line 2: "Start: 2024-01-15 10:00".'],
    ['<p>Outage: 10:00 to 12:30 on 2024-01-15</p>', 'Outage window read from the line that names the outage, "Outage: 10:00 to 12:30 on 2024-01-15".'],
  ])('words the rule that chose the window: %j', (source, sentence) => {
    renderRead(source);
    expect(screen.getByText(sentence)).toBeInTheDocument();
  });

  it('lists what did not fit: no timeline, lifecycle problems, lines it could not place', () => {
    renderRead('Outage: 10:00 to 12:30 on 2024-01-15');
    expect(notes()).toEqual(['No timeline found (expected lines like "10:15 AM: An engineer confirmed the alert"); the incident has no events.']);
  });

  it('lists the first unplaced lines and how many more there are', () => {
    const unplaced = Array.from({ length: 52 }, (_, index) => `\nSomething happened at ${String(10 + Math.floor(index / 50))}:${String(10 + (index % 50))}.`);
    renderRead(`Outage: 10:00 to 12:30 on 2024-01-15\n## Timeline\n10:00: Alert fired.\n${unplaced.join('\n')}`);
    const lines = screen.getByRole('list', { name: 'Timeline lines not placed' });
    const items = within(lines).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toHaveLength(51);
    expect(items[0]).toBe('line 5: "Something happened at 10:10."');
    expect(items[50]).toBe('and 2 more');
    expect(screen.getByText(/^52 lines under the Timeline heading hold a time but could not be placed as events:/)).toBeInTheDocument();
  });

  it('says only what the incident carries when there is no reading (an incident from a link)', () => {
    const incident: Incident = { id: 'l', title: 'Linked', start: 0, end: 1, events: [], timezone: 'Asia/Tokyo', timezoneSource: { kind: 'assumed' } };
    render(<IncidentReadingFacts incident={incident} />);
    expect(screen.getByText('Incident times read as Asia/Tokyo: the postmortem names no timezone.')).toBeInTheDocument();
    expect(notes()).toEqual([]);
  });
});

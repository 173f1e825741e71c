import fc from 'fast-check';
import { expectWithin, FUZZ_RUNS } from '../../test/fuzzBudget';
import { isWithinTimeBounds } from '../time';
import { parsePostmortem } from './parsePostmortem';
import { validateIncident } from './validateIncident';

// Pieces of postmortems: headings, times, dates and hostile markup, in any order.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# Incident: checkout down\n',
    '<h2>Timeline</h2>',
    '10:00 UTC: alert fired\n',
    '23:59: resolved\n',
    'Duration of Outage: The outage occurred from 10:00 AM to 12:30 PM on January 15, 2024.\n',
    'January 15, 99999\n',
    '0050-06-01 10:00 detected\n',
    '2024-13-45T99:99 resolved\n',
    '<script>',
    '<embed src=x>',
    '<!--',
    '&#x10FFFF;&amp;',
    '<title>',
    '\u0000',
  ),
);
const document = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('parsePostmortem on hostile documents', () => {
  it('reads any document without failing past its boundary, with every time inside the bounds', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Olympus'), (source, timezone) => {
        const result = expectWithin(2_000, () => parsePostmortem(source, { id: 'fuzz', timezone }));
        if (!result.ok) {
          expect(result.error).not.toMatch(/^The postmortem could not be read/);
          return;
        }
        const { incident } = result;
        expect(isWithinTimeBounds(incident.start)).toBe(true);
        if (incident.end !== undefined) expect(isWithinTimeBounds(incident.end)).toBe(true);
        expect(incident.events.every((e) => isWithinTimeBounds(e.time))).toBe(true);
        expect(Array.isArray(validateIncident(incident))).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

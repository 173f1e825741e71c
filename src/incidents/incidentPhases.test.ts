import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentPhases } from './incidentPhases';
import type { IncidentEvent, IncidentEventKind } from './model';

const at = (h: number, m: number) => Date.UTC(2024, 0, 15, h, m);
const ev = (kind: IncidentEventKind, time: number): IncidentEvent => ({ kind, time, text: kind });
const spans = (phases: ReturnType<typeof incidentPhases>) => phases.map((p) => [p.label, p.start, p.end]);

describe('incidentPhases', () => {
  it('cuts a resolved incident at its first detection and mitigation, and ends at the first resolution', () => {
    const events = [ev('started', at(10, 0)), ev('detected', at(10, 5)), ev('detected', at(10, 7)), ev('acknowledged', at(10, 10)), ev('mitigated', at(11, 0)), ev('resolved', at(11, 50))];
    expect(spans(incidentPhases({ start: at(10, 0), end: at(12, 0), events }))).toEqual([
      ['impact before detection', at(10, 0), at(10, 5)],
      ['detected, before mitigation', at(10, 5), at(11, 0)],
      ['mitigated, before resolution', at(11, 0), at(11, 50)],
    ]);
  });

  it('leaves out a span of zero length, and ends at the window when no event says resolved', () => {
    const events = [ev('detected', at(10, 0)), ev('mitigated', at(12, 0))];
    expect(spans(incidentPhases({ start: at(10, 0), end: at(12, 30), events }))).toEqual([
      ['detected, before mitigation', at(10, 0), at(12, 0)],
      ['mitigated, before resolution', at(12, 0), at(12, 30)],
    ]);
  });

  it('skips a missing stage: the span runs on to the next stage found', () => {
    expect(spans(incidentPhases({ start: at(10, 0), end: at(11, 0), events: [ev('detected', at(10, 20))] }))).toEqual([
      ['impact before detection', at(10, 0), at(10, 20)],
      ['detected, before resolution', at(10, 20), at(11, 0)],
    ]);
    expect(spans(incidentPhases({ start: at(10, 0), end: at(11, 0), events: [ev('mitigated', at(10, 40))] }))).toEqual([
      ['impact before mitigation', at(10, 0), at(10, 40)],
      ['mitigated, before resolution', at(10, 40), at(11, 0)],
    ]);
  });

  it('draws nothing but the window when no stage cuts it', () => {
    expect(incidentPhases({ start: at(10, 0), end: at(11, 0), events: [ev('other', at(10, 10)), ev('resolved', at(11, 0))] })).toEqual([]);
    expect(incidentPhases({ start: at(10, 0), end: undefined, events: [] })).toEqual([]);
  });

  it('drops stages out of order or outside the window instead of drawing an impossible span', () => {
    // Mitigated before detected: the mitigation is not drawn; resolved before the start is not either.
    const events = [ev('mitigated', at(10, 10)), ev('detected', at(10, 30)), ev('resolved', at(9, 0))];
    expect(spans(incidentPhases({ start: at(10, 0), end: at(11, 0), events }))).toEqual([
      ['impact before detection', at(10, 0), at(10, 30)],
      ['detected, before resolution', at(10, 30), at(11, 0)],
    ]);
    expect(spans(incidentPhases({ start: at(10, 0), end: at(11, 0), events: [ev('detected', at(11, 30))] }))).toEqual([]);
    expect(incidentPhases({ start: at(11, 0), end: at(10, 0), events: [ev('detected', at(10, 30))] })).toEqual([]);
    expect(incidentPhases({ start: Number.NaN, end: at(10, 0), events: [] })).toEqual([]);
  });

  it("runs an open incident's last phase to now (no end), named by the stage it awaits", () => {
    const phases = incidentPhases({ start: at(10, 0), end: undefined, events: [ev('detected', at(10, 5))] });
    expect(phases).toEqual([
      { from: 'started', label: 'impact before detection', start: at(10, 0), end: at(10, 5) },
      { from: 'detected', label: 'detected, before mitigation', start: at(10, 5) },
    ]);
    const resolvedButOpen = incidentPhases({ start: at(10, 0), end: undefined, events: [ev('mitigated', at(10, 5)), ev('resolved', at(10, 9))] });
    expect(resolvedButOpen.map((p) => p.end)).toEqual([at(10, 5), at(10, 9)]);
  });

  it('for any timeline: phases follow each other without overlap, inside the window', () => {
    const kinds: IncidentEventKind[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'other'];
    const event = fc.record({ kind: fc.constantFrom(...kinds), time: fc.integer({ min: at(9, 0), max: at(13, 0) }), text: fc.constant('') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.option(fc.integer({ min: at(10, 0), max: at(13, 0) }), { nil: undefined }), (events, end) => {
        const start = at(10, 0);
        const phases = incidentPhases({ start, end, events });
        let last = start;
        for (const [i, p] of phases.entries()) {
          if (p.start < last) return false;
          if (p.end === undefined ? i !== phases.length - 1 || end !== undefined : p.end <= p.start || (end !== undefined && p.end > end)) return false;
          last = p.end ?? p.start;
        }
        return true;
      }),
    );
  });
});

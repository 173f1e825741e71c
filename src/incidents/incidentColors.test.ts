import { INCIDENT_PALETTE, incidentColors } from './incidentColors';

describe('incident colours', () => {
  it('gives each of up to eight incidents its own colour, by place in the whole list', () => {
    const ids = INCIDENT_PALETTE.map((_, i) => `incident-${i}`);
    const colors = incidentColors(ids);
    expect(new Set(colors.values()).size).toBe(INCIDENT_PALETTE.length);
    expect(colors.get('incident-0')).toBe(INCIDENT_PALETTE[0]);
  });

  it('repeats the palette past eight, and counts a repeated id once', () => {
    const colors = incidentColors(['a', 'a', ...INCIDENT_PALETTE.map((_, i) => `x${i}`)]);
    expect(colors.get('x0')).toBe(INCIDENT_PALETTE[1]);
    expect(colors.get('x7')).toBe(INCIDENT_PALETTE[0]);
  });
});

import fc from 'fast-check';
import { formatTime, timeTicks } from './format';
import { tickLabelWidthPx, timeTicksForWidth } from './axisTicks';

const H = 3_600_000;
// The demo incident's view: 2024-01-15 09:00–13:30 UTC.
const START = Date.UTC(2024, 0, 15, 9);
const END = Date.UTC(2024, 0, 15, 13, 30);

const labels = (r: { ticks: number[]; style: Parameters<typeof formatTime>[2] }, tz = 'UTC') => r.ticks.map((t) => formatTime(t, tz, r.style));

describe('timeTicksForWidth', () => {
  it.each([
    // plot widths of charts on 320, 390 and 768 px wide screens
    [170, ['09:00', '12:00']],
    [203, ['09:00', '10:00', '11:00', '12:00', '13:00']],
    [260, ['09:00', '10:00', '11:00', '12:00', '13:00']],
    [600, ['09:00', '10:00', '11:00', '12:00', '13:00']],
  ])('labels a 4.5 h range on a %d px axis with hours that fit: %j', (width, expected) => {
    expect(labels(timeTicksForWidth(START, END, 'UTC', width))).toEqual(expected);
  });

  it('shows at least three labels on a phone-sized axis, where the old one-label-per-110-px rule showed two', () => {
    expect(timeTicks(START, END, 'UTC', Math.floor(260 / 110)).ticks).toHaveLength(2);
    expect(timeTicksForWidth(START, END, 'UTC', 260).ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the desktop density where it already gives three labels or more', () => {
    for (const width of [800, 1270, 1800]) {
      expect(timeTicksForWidth(START, END, 'UTC', width)).toEqual(timeTicks(START, END, 'UTC', Math.floor(width / 110)));
    }
  });

  it('labels across days in the longer style and spaces them for it', () => {
    const r = timeTicksForWidth(Date.UTC(2024, 0, 14, 20), Date.UTC(2024, 0, 15, 8), 'UTC', 400);
    expect(r.style).toBe('axis-short');
    expect(r.ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('follows the zone: Kolkata labels fall on its own whole hours', () => {
    const r = timeTicksForWidth(START, END, 'Asia/Kolkata', 260);
    expect(labels(r, 'Asia/Kolkata').every((l) => l.endsWith(':00'))).toBe(true);
  });

  it('answers empty or degenerate input with no ticks rather than throwing', () => {
    expect(timeTicksForWidth(END, START, 'UTC', 260).ticks).toEqual([]);
    expect(timeTicksForWidth(START, END, 'UTC', Number.NaN).ticks.length).toBeLessThanOrEqual(2);
    expect(timeTicksForWidth(START, END, 'UTC', 0).ticks.length).toBeLessThanOrEqual(2);
  });

  it('never adds labels that would touch: beyond the rule, spacing covers the label width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
        fc.integer({ min: 60_000, max: 60 * 24 * H }),
        fc.integer({ min: 120, max: 2000 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York'),
        (start, span, width, tz) => {
          const end = start + span;
          const rule = timeTicks(start, end, tz, Math.max(2, Math.floor(width / 110)));
          const r = timeTicksForWidth(start, end, tz, width);
          for (const t of r.ticks) expect(t >= start && t <= end).toBe(true);
          if (r.ticks.length <= rule.ticks.length) return;
          const pxPerMs = width / span;
          for (let i = 1; i < r.ticks.length; i++) {
            expect(((r.ticks[i] as number) - (r.ticks[i - 1] as number)) * pxPerMs).toBeGreaterThanOrEqual(tickLabelWidthPx(r.style, 11));
          }
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { alertBands, alertRows, bandsForPanel, FLAPPING_MIN_PERIODS, type AlertBand } from './alertBands';
import { describeBand } from './describeBand';
import type { FiringPeriod } from './firingPeriods';

const MINUTE = 60_000;
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);

function period(alertname: string, instance: string | undefined, start: number, end: number): FiringPeriod {
  return { alertname, instance, labels: instance ? { alertname, instance } : { alertname }, start, end };
}

describe('alertBands', () => {
  it('keeps periods far apart as bands of their own', () => {
    const bands = alertBands([period('HighMemory', 'web-2', at(10, 5), at(10, 40)), period('HighMemory', 'web-2', at(11), at(11, 30))], 2 * MINUTE);
    expect(bands.map((b) => [b.start, b.end, b.periods])).toEqual([
      [at(10, 5), at(10, 40), 1],
      [at(11), at(11, 30), 1],
    ]);
  });

  it('draws a run of close periods as one flapping band', () => {
    const flaps = [0, 3, 6, 9, 12].map((m) => period('Flappy', 'web-1', at(10, m), at(10, m + 1)));
    const [band, ...rest] = alertBands(flaps, 2 * MINUTE);
    expect(rest).toEqual([]);
    expect(band).toMatchObject({ alertname: 'Flappy', instance: 'web-1', start: at(10), end: at(10, 13), periods: 5 });
    expect(describeBand(band as AlertBand, 'UTC')).toBe('Alert Flappy flapping ×5 10:00–10:13 on web-1');
  });

  it(`leaves fewer than ${FLAPPING_MIN_PERIODS} close periods as they are`, () => {
    const bands = alertBands([period('A', undefined, at(10), at(10, 1)), period('A', undefined, at(10, 2), at(10, 3))], 2 * MINUTE);
    expect(bands.map((b) => b.periods)).toEqual([1, 1]);
  });

  it('never joins periods of different instances or alerts', () => {
    const bands = alertBands(
      [0, 1, 2].flatMap((i) => [period('A', `web-${i}`, at(10, 2 * i), at(10, 2 * i + 1)), period('B', 'web-0', at(10, 2 * i), at(10, 2 * i + 1))]),
      10 * MINUTE,
    );
    expect(bands.map((b) => `${b.alertname}/${b.instance}×${b.periods}`)).toEqual(['A/web-0×1', 'A/web-1×1', 'A/web-2×1', 'B/web-0×3']);
  });

  it('gives two identical periods (two ALERTS series of one alert and instance) bands of their own keys', () => {
    const bands = alertBands([period('B', 'web-2', at(10), at(10)), period('B', 'web-2', at(10), at(10))], 0);
    expect(bands).toHaveLength(2);
    expect(new Set(bands.map((b) => b.key)).size).toBe(2);
  });

  const periodsArb = fc.array(
    fc.record({
      alertname: fc.constantFrom('A', 'B'),
      instance: fc.constantFrom('web-1', 'web-2', undefined),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 40 },
  );

  it('accounts for every period once, inside its band, and never overlaps bands of one row (property)', () => {
    fc.assert(
      fc.property(periodsArb, fc.integer({ min: 0, max: 40 }), (raw, close) => {
        const periods = raw.map((r) => period(r.alertname, r.instance, r.start * MINUTE, (r.start + r.length) * MINUTE));
        const bands = alertBands(periods, close * MINUTE);
        expect(bands.reduce((n, b) => n + b.periods, 0)).toBe(periods.length);
        for (const p of periods) {
          const holders = bands.filter((b) => b.alertname === p.alertname && b.instance === p.instance && b.start <= p.start && p.end <= b.end);
          expect(holders.length).toBeGreaterThanOrEqual(1);
        }
        for (const row of alertRows(bands, Infinity).rows) {
          const flapping = row.bands.filter((b) => b.periods > 1);
          for (const b of flapping) expect(b.periods).toBeGreaterThanOrEqual(FLAPPING_MIN_PERIODS);
          // A flapping band never shares time with another band of its row.
          for (const b of flapping) for (const o of row.bands) if (o !== b) expect(o.end < b.start || o.start > b.end).toBe(true);
        }
        expect(new Set(bands.map((b) => b.key)).size).toBe(bands.length);
      }),
    );
  });
});

describe('bandsForPanel', () => {
  const bands = alertBands([period('HighMemory', 'web-2', at(10), at(11)), period('HighMemory', 'web-3', at(10), at(11)), period('Watchdog', undefined, at(10), at(11))], MINUTE);

  it('shows an instance alert only on panels with a series of that instance (grafana/grafana#7375)', () => {
    expect(bandsForPanel(bands, new Set(['web-1', 'web-2'])).map((b) => `${b.alertname}/${b.instance ?? '-'}`)).toEqual(['HighMemory/web-2', 'Watchdog/-']);
  });

  it('shows every alert on a panel without instance labels (an aggregate)', () => {
    expect(bandsForPanel(bands, new Set())).toHaveLength(3);
  });
});

describe('alertRows', () => {
  it('makes one row per alert and instance, and counts the rows past the cap', () => {
    const bands = alertBands(
      ['a', 'b', 'c'].map((i) => period('HighMemory', i, at(10), at(11))),
      MINUTE,
    );
    const { rows, omittedRows } = alertRows(bands, 2);
    expect(rows.map((r) => r.instance)).toEqual(['a', 'b']);
    expect(omittedRows).toBe(1);
  });
});

describe('describeBand', () => {
  it('names the alert, its time, and its instance; an ongoing one runs to now', () => {
    const periods = [period('HighMemory', 'web-2', at(10, 5), at(10, 40))];
    expect(describeBand(alertBands(periods, MINUTE, at(10, 41))[0] as AlertBand, 'UTC')).toBe('Alert HighMemory firing 10:05–10:40 on web-2');
    expect(describeBand(alertBands(periods, MINUTE, at(10, 40))[0] as AlertBand, 'Europe/Berlin')).toBe('Alert HighMemory firing 11:05–now on web-2');
  });
});

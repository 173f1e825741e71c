import fc from 'fast-check';
import { clusterMarkers } from './clusterMarkers';

const MIN = 60_000;
const at = (minute: number, key = `e${minute}`) => ({ key, time: minute * MIN });
// One pixel per minute, as on a phone showing 4.5 hours.
const perMinute = (time: number) => time / MIN;

describe('clusterMarkers', () => {
  it('groups the outage timeline on a phone: 10:00/10:15/10:30, 11:00/11:30, 12:00/12:30', () => {
    const timeline = [600, 615, 630, 660, 690, 720, 750].map((m) => at(m));
    const clusters = clusterMarkers(timeline, perMinute, 44);
    expect(clusters.map((c) => c.markers.map((m) => m.key))).toEqual([
      ['e600', 'e615', 'e630'],
      ['e660', 'e690'],
      ['e720', 'e750'],
    ]);
    expect(clusters[0]).toMatchObject({ x: 600, xEnd: 630, key: 'e600+3' });
  });

  it('keeps markers apart where there is room (a desktop chart)', () => {
    const timeline = [600, 615, 630].map((m) => at(m));
    expect(clusterMarkers(timeline, (t) => perMinute(t) * 4, 44).map((c) => c.markers.length)).toEqual([1, 1, 1]);
  });

  it('puts markers at the same instant together, in time order whatever the input order', () => {
    const clusters = clusterMarkers([at(700, 'b'), at(600, 'a'), at(700, 'c')], perMinute, 44);
    expect(clusters.map((c) => c.markers.map((m) => m.key))).toEqual([['a'], ['b', 'c']]);
  });

  it('leaves out markers the scale cannot place', () => {
    expect(clusterMarkers([at(1), at(2)], (t) => (t === MIN ? Number.NaN : 500), 44).map((c) => c.key)).toEqual(['e2+1']);
  });

  it('draws every mark at least the gap right of the previous one, each cluster narrower than the gap, every marker once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (minutes, gap) => {
        const markers = minutes.map((m, i) => at(m, `k${i}`));
        const clusters = clusterMarkers(markers, perMinute, gap);
        expect(clusters.flatMap((c) => c.markers.map((m) => m.key)).sort()).toEqual(markers.map((m) => m.key).sort());
        clusters.forEach((c, i) => {
          expect(c.xEnd - c.x).toBeLessThan(gap);
          if (i > 0) expect(c.x - (clusters[i - 1] as (typeof clusters)[number]).x).toBeGreaterThanOrEqual(gap);
        });
      }),
    );
  });
});

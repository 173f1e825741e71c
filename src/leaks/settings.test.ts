import { resolveLeakWatch } from './settings';

describe('resolveLeakWatch', () => {
  it('takes the panel’s lowest threshold as the limit by default, and a 2 h window', () => {
    expect(resolveLeakWatch({ horizon: '2h' }, [{ value: 200 }, { value: 100 }])).toEqual({ ok: true, settings: { limit: 100, horizonMs: 7_200_000, windowMs: 7_200_000 } });
  });

  it('prefers an explicit limit and window', () => {
    expect(resolveLeakWatch({ limit: 5, horizon: '90m', window: '30m' }, [{ value: 100 }])).toEqual({ ok: true, settings: { limit: 5, horizonMs: 5_400_000, windowMs: 1_800_000 } });
  });

  it('says when there is no limit at all, or a duration out of bounds', () => {
    expect(resolveLeakWatch({ horizon: '2h' }, [])).toEqual({ ok: false, reason: 'no-limit' });
    expect(resolveLeakWatch({ horizon: '10s', limit: 1 }, [])).toEqual({ ok: false, reason: 'bad-duration' });
    expect(resolveLeakWatch({ horizon: '2h', window: '1y', limit: 1 }, [])).toEqual({ ok: false, reason: 'bad-duration' });
  });
});

import { decodeViewState } from './decode';
import { buildUrl, encodeViewState } from './encode';
import { freezeRange, incidentRange } from './ranges';
import { EMPTY_VIEW_STATE } from './viewState';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2024, 0, 15, 10, 0);
const END = Date.UTC(2024, 0, 15, 12, 30);

describe('freezeRange', () => {
  it('pins a relative range to the instants on screen and keeps the rest', () => {
    const state = { ...EMPTY_VIEW_STATE, dashboard: 'incident', range: { from: 'now-6h', to: 'now' } };
    const frozen = freezeRange(state, { start: START, end: END });
    expect(frozen).toEqual({ ...state, range: { from: String(START), to: String(END) } });
    expect(state.range).toEqual({ from: 'now-6h', to: 'now' });
  });

  it('gives a link that shows the same window whenever it is opened', () => {
    const link = encodeViewState(freezeRange(EMPTY_VIEW_STATE, { start: START, end: END }));
    for (const now of [END, END + 365 * 24 * HOUR]) {
      expect(decodeViewState(link, '', { now }).state.range).toEqual({ from: '1705312800000', to: '1705321800000' });
    }
  });
});

describe('incidentRange', () => {
  it('pads the seed incident (2 h 30 m) by 20% of its duration: 30 min each side', () => {
    expect(incidentRange({ start: START, end: END })).toEqual({ from: String(START - 30 * MINUTE), to: String(END + 30 * MINUTE) });
  });

  it('pads a short incident by at least 15 minutes', () => {
    const end = START + 10 * MINUTE;
    expect(incidentRange({ start: START, end })).toEqual({ from: String(START - 15 * MINUTE), to: String(end + 15 * MINUTE) });
  });

  it('uses a given pad', () => {
    expect(incidentRange({ start: START, end: END }, 5 * MINUTE)).toEqual({ from: String(START - 5 * MINUTE), to: String(END + 5 * MINUTE) });
  });

  it('shows an open incident from the pad before its start to an hour after it', () => {
    expect(incidentRange({ start: START })).toEqual({ from: String(START - 15 * MINUTE), to: String(START + HOUR) });
    expect(incidentRange({ start: START }, 2 * HOUR)).toEqual({ from: String(START - 2 * HOUR), to: String(START + 2 * HOUR) });
  });

  it('never gives an empty range, which the decoder would refuse', () => {
    const range = incidentRange({ start: START, end: START }, 0);
    expect(Number(range.from)).toBeLessThan(Number(range.to));
  });
});

describe('buildUrl', () => {
  it('appends the encoded state to the page address, replacing any old state', () => {
    const state = { ...EMPTY_VIEW_STATE, dashboard: 'incident', kiosk: true };
    expect(buildUrl('https://vigil.example.com/app/', state)).toBe('https://vigil.example.com/app/?v=1&d=incident&kiosk');
    expect(buildUrl('https://vigil.example.com/app/?v=1&d=old#z=abc', state)).toBe('https://vigil.example.com/app/?v=1&d=incident&kiosk');
    expect(buildUrl('https://vigil.example.com/', EMPTY_VIEW_STATE)).toBe('https://vigil.example.com/');
  });

  it('gives a URL the browser parses back into the same state', () => {
    const state = { ...EMPTY_VIEW_STATE, event: 'seed#3', hidden: { memory: ['a b&c'] }, overrides: { memory: ['up'] } };
    const url = new URL(buildUrl('https://vigil.example.com/', state));
    expect(decodeViewState(url.search, url.hash, { now: 0 }).state).toEqual(state);
  });
});

import { deflateSync, strToU8 } from 'fflate';
import { toBase64Url } from './base64url';
import { decodeFragment, encodeFragment } from './fragment';
import { FRAGMENT_LIMITS, type FragmentPayload } from './fragmentSchema';

const compress = (text: string) => toBase64Url(deflateSync(strToU8(text)));

const incident = (overrides: Record<string, unknown> = {}) => ({
  id: 'pasted',
  title: 'Disk full',
  start: 1_705_312_800_000,
  end: 1_705_316_400_000,
  events: [{ time: 1_705_312_800_000, text: 'Alert fired', kind: 'detected' }],
  timezone: 'UTC',
  ...overrides,
});

describe('decodeFragment', () => {
  it('reads back what encodeFragment wrote', () => {
    const payload = { o: { memory: ['up', 'rate(x[5m])'] }, i: [incident()] } as FragmentPayload;
    expect(decodeFragment(encodeFragment(payload))).toEqual({ overrides: payload.o, importedIncidents: payload.i, notices: [] });
  });

  it.each([
    ['valid deflate, not JSON', compress('{"o": {'), 'it is not JSON'],
    ['JSON, not an object', compress('[1, 2]'), 'it is not a JSON object'],
    ['bytes that are not UTF-8', toBase64Url(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), 'it is not JSON'],
  ])('refuses %s', (_case, text, reason) => {
    expect(decodeFragment(text)).toEqual({ notices: [`Ignored the link's fragment "#z=…": ${reason}`] });
  });

  it.each([
    ['more than 20 incidents', { i: Array.from({ length: FRAGMENT_LIMITS.incidents + 1 }, (_, n) => incident({ id: `i${n}` })) }, 'imported incidents', /Too big/],
    ['more than 200 events', { i: [incident({ events: Array.from({ length: 201 }, () => ({ time: 1, text: 'x', kind: 'other' })) })] }, 'imported incidents', /field "0\.events" /],
    ['a text field over 2,000 characters', { i: [incident({ summary: 'x'.repeat(2001) })] }, 'imported incidents', /field "0\.summary" /],
    ['an event text over 2,000 characters', { i: [incident({ events: [{ time: 1, text: 'x'.repeat(2001), kind: 'other' }] })] }, 'imported incidents', /field "0\.events\.0\.text" /],
    ['an unknown event kind', { i: [incident({ events: [{ time: 1, text: 'x', kind: 'exploded' }] })] }, 'imported incidents', /field "0\.events\.0\.kind" /],
    ['an incident without an id', { i: [incident({ id: '' })] }, 'imported incidents', /field "0\.id" /],
    ['a query over 10,000 characters', { o: { memory: ['x'.repeat(10_001)] } }, 'query overrides', /field "memory\.0" /],
    ['queries that are not strings', { o: { memory: [42] } }, 'query overrides', /field "memory\.0" /],
  ])('refuses %s', (_case, payload, part, detail) => {
    const decoded = decodeFragment(compress(JSON.stringify(payload)));
    expect(decoded.overrides).toBeUndefined();
    expect(decoded.importedIncidents).toBeUndefined();
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toMatch(new RegExp(`^Ignored the ${part} in the link: `));
    expect(decoded.notices[0]).toMatch(detail);
  });

  it('accepts parts exactly at the limits', () => {
    const payload = {
      o: { memory: ['x'.repeat(FRAGMENT_LIMITS.queryChars)] },
      i: [incident({ title: 't'.repeat(FRAGMENT_LIMITS.textChars) })],
    };
    expect(decodeFragment(compress(JSON.stringify(payload))).notices).toEqual([]);
  });

  it('drops members it does not know, keeping the rest (forward compatible)', () => {
    const decoded = decodeFragment(compress(JSON.stringify({ o: { m: ['up'] }, future: 1, i: [incident({ color: 'red' })] })));
    expect(decoded).toEqual({ overrides: { m: ['up'] }, importedIncidents: [incident()], notices: [] });
  });

  it('keeps a panel named "__proto__" an ordinary key', () => {
    const decoded = decodeFragment(compress('{"o":{"__proto__":["up"]}}'));
    expect(Object.keys(decoded.overrides ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(decoded.overrides)).toBe(Object.prototype);
  });

  it('stops a decompression bomb instead of inflating it', () => {
    // 20 MB of zeros deflate to ~20 KB; inflated they would exceed the 16 MiB cap.
    const bomb = toBase64Url(deflateSync(new Uint8Array(20 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(40_000);
    expect(decodeFragment(bomb).notices).toEqual(['Ignored the link\'s fragment "#z=…": it is not deflate-compressed data (or too large)']);
  });

  // Issue 14, row 3: a 21,863-character link held 8.4 million arrays; JSON.parse took 13 s and 1 GB.
  it.each([
    ['millions of nested arrays', `{"i":${'['.repeat(4_000_000)}${']'.repeat(4_000_000)}}`, 'it nests deeper than 8 levels'],
    ['millions of empty arrays', `{"i":[${'[],'.repeat(4_000_000)}[]]}`, 'it holds more than 10000 arrays and objects'],
  ])('refuses %s before parsing them', (_case, json, reason) => {
    const link = compress(json);
    expect(link.length).toBeLessThan(30_000);
    expect(decodeFragment(link).notices).toEqual([`Ignored the link's fragment "#z=…": ${reason}`]);
  });

  it('still reads the largest payload the limits allow', () => {
    const events = Array.from({ length: FRAGMENT_LIMITS.eventsPerIncident }, (_, n) => ({ time: n, text: 'x', kind: 'other' }));
    const incidents = Array.from({ length: FRAGMENT_LIMITS.incidents }, (_, n) => incident({ id: `i${n}`, events }));
    const overrides = Object.fromEntries(Array.from({ length: FRAGMENT_LIMITS.overridePanels }, (_, n) => [`p${n}`, ['up']]));
    const decoded = decodeFragment(compress(JSON.stringify({ o: overrides, i: incidents })));
    expect(decoded.notices).toEqual([]);
    expect(decoded.importedIncidents).toHaveLength(FRAGMENT_LIMITS.incidents);
  });

  it('refuses incident times outside the years 0001–9999', () => {
    const decoded = decodeFragment(compress(JSON.stringify({ i: [incident({ start: -8e15 })] })));
    expect(decoded.importedIncidents).toBeUndefined();
    expect(decoded.notices[0]).toMatch(/^Ignored the imported incidents in the link: field "0\.start" /);
  });

  it('refuses fragments longer than any link that survives being shared', () => {
    expect(decodeFragment('A'.repeat(300_000)).notices).toEqual(['Ignored the link\'s fragment "#z=…": it is longer than 262144 characters']);
  });

  it('inflates payloads spanning many input slices intact', () => {
    // Pseudo-random names barely compress, so the compressed input spans several 1 KB slices.
    let seed = 42;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 26));
    const queries = Array.from({ length: 40 }, () => `sum(rate(${Array.from({ length: 150 }, letter).join('')}[5m]))`);
    const payload = { o: { big: queries } };
    const text = encodeFragment(payload);
    expect(text.length).toBeGreaterThan(3 * 1024);
    expect(decodeFragment(text).overrides).toEqual(payload.o);
  });
});

/**
 * Character references for the tag scanner (the DOM decodes them itself). Decoding happens once,
 * after tags are gone, so "&lt;script&gt;" becomes the inert text "<script>" and never markup.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ndash: '\u2013', mdash: '\u2014', minus: '\u2212', hellip: '\u2026',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
  bull: '\u2022', middot: '\u00b7', rarr: '\u2192', larr: '\u2190', harr: '\u2194', times: '\u00d7',
  divide: '\u00f7', deg: '\u00b0', plusmn: '\u00b1', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  sect: '\u00a7', para: '\u00b6', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  le: '\u2264', ge: '\u2265', ne: '\u2260', asymp: '\u2248', micro: '\u00b5', shy: '',
  zwsp: '', zwj: '', zwnj: '', lrm: '', rlm: '',
};

// HTML also accepts these few without the closing ";".
const LEGACY_WITHOUT_SEMICOLON: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8})|#(\d{1,10})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/g;

function fromCodePoint(codePoint: number): string {
  const invalid =
    !Number.isFinite(codePoint) || codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff);
  return invalid ? '\ufffd' : String.fromCodePoint(codePoint);
}

export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined, semicolon: string) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return fromCodePoint(Number(decimal));
    const key = name ?? '';
    const decoded = NAMED[key];
    if (decoded === undefined) return whole;
    return semicolon || LEGACY_WITHOUT_SEMICOLON.has(key) ? decoded : whole;
  });
}

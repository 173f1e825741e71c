import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS } from './parsePostmortem';
import { fileSizeRefusal, formatMegabytes, MAX_POSTMORTEM_BYTES, pastedLengthRefusal } from './postmortemSizeLimit';

describe('the size a postmortem import accepts', () => {
  it('is the parser’s reading limit, so a file within it is read to its end', () => {
    expect(MAX_POSTMORTEM_BYTES).toBe(MAX_SOURCE_CHARS);
  });

  it('refuses a 20 MB file and says how large it is and what the limit is', () => {
    expect(fileSizeRefusal(20_000_000)).toBe('This file is 20.0 MB; vigil reads postmortems up to 1 MB. Open a shorter export, or paste the part with the timeline.');
    expect(fileSizeRefusal(1_000_001)).toMatch(/^This file is 1\.0 MB; vigil reads postmortems up to 1 MB\./);
  });

  it('accepts anything up to the limit, refuses anything above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * MAX_POSTMORTEM_BYTES }), (size) => {
        expect(fileSizeRefusal(size) === null).toBe(size <= MAX_POSTMORTEM_BYTES);
        expect(pastedLengthRefusal(size) === null).toBe(size <= MAX_POSTMORTEM_BYTES);
      }),
    );
  });

  it('counts pasted text in characters', () => {
    expect(pastedLengthRefusal(2_500_000)).toBe(
      'The pasted text has 2,500,000 characters; vigil reads postmortems up to 1 MB (1,000,000 characters). Paste the part with the timeline.',
    );
  });

  it('writes sizes in decimal megabytes with one decimal', () => {
    expect(formatMegabytes(20_971_520)).toBe('21.0 MB');
    expect(formatMegabytes(420_000)).toBe('0.4 MB');
  });
});

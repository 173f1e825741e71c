import fc from 'fast-check';
import { fromBase64Url, toBase64Url } from './base64url';

describe('base64url', () => {
  it('matches Node\'s base64url and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it.each(['a', 'abcde', 'ab+c', 'ab/c', 'abc=', 'ab c', 'é'])('refuses %j', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { postmortemUrl } from './fetchPostmortem';

const BASE = 'https://vigil.example.com/dashboards/?range=1h';

describe('the address a postmortem is fetched from', () => {
  it('reads a relative address as this site\'s own', () => {
    expect(postmortemUrl('/postmortems/checkout.md', BASE)).toEqual({ url: new URL('https://vigil.example.com/postmortems/checkout.md') });
  });

  it('refuses what is not http(s), and never sends credentials written into the URL', () => {
    expect(postmortemUrl('javascript:alert(1)', BASE)).toEqual({ error: 'vigil fetches postmortems over http or https, not javascript.' });
    expect(postmortemUrl('file:///etc/passwd', BASE)).toEqual({ error: 'vigil fetches postmortems over http or https, not file.' });
    expect(postmortemUrl('https://admin:hunter2@status.example.com/pm.md', BASE)).toEqual({
      error: 'The URL carries a user name or password; vigil does not send credentials in URLs.',
    });
    expect(postmortemUrl('http://[::1', BASE)).toEqual({ error: '"http://[::1" is not a URL.' });
  });
});

import { isCredentialKey } from './credentials';
import { decodeViewState } from './decode';
import { encodeViewState } from './encode';
import { EMPTY_VIEW_STATE } from './viewState';

const CREDENTIAL_KEYS = [
  'token',
  'auth',
  'authorization',
  'Authorization',
  'apikey',
  'api_key',
  'apiKey',
  'API-KEY',
  'password',
  'access_token',
  'X-Scope-OrgID',
  'x-scope-orgid',
  'headers',
  'id_token',
  'X-Auth-Token',
  'authToken',
  'client_secret',
  'var-token',
  'var-password',
];

// Every key the format uses, plus look-alikes that must not be mistaken for credentials.
const ORDINARY_KEYS = [
  ...['v', 'd', 'from', 'to', 'tz', 'refresh', 'incident', 'event', 'panel', 'hide', 'kiosk', 'playlist', 'playlist-item', 'z'],
  ...['start', 'end', 'timezone', 'viewPanel'],
  ...['var-instance', 'var-author', 'tokenizer', 'utm_source'],
];

describe('credentials never travel in a link', () => {
  it.each(CREDENTIAL_KEYS)('%s is a credential key', (key) => {
    expect(isCredentialKey(key)).toBe(true);
  });

  it.each(ORDINARY_KEYS)('%s is not', (key) => {
    expect(isCredentialKey(key)).toBe(false);
  });

  it('the decoder drops every credential key with a notice that never repeats the secret', () => {
    const secret = 'S3CR3T-value';
    const search = `?v=1&d=incident&${CREDENTIAL_KEYS.map((key) => `${encodeURIComponent(key)}=${secret}`).join('&')}`;
    const decoded = decodeViewState(search, `#authorization=Bearer%20${secret}`, { now: 0 });
    expect(decoded.state).toEqual({ ...EMPTY_VIEW_STATE, dashboard: 'incident' });
    expect(decoded.notices).toEqual([
      ...CREDENTIAL_KEYS.map((key) => `Ignored "${key}": links never carry credentials`),
      'Ignored "authorization": links never carry credentials',
    ]);
    expect(JSON.stringify(decoded)).not.toContain(secret);
  });

  it('the encoder cannot write one: a variable named like a credential stays out of the link', () => {
    const link = encodeViewState({ ...EMPTY_VIEW_STATE, vars: { token: ['abc123'], apiKey: ['k'], instance: ['web-2'] } });
    expect(link).toBe('?v=1&var-instance=web-2');
  });
});

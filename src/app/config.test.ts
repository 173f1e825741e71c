import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('fills the defaults of an empty file', () => {
    expect(parseConfig({})).toEqual({
      datasource: { url: 'demo', headers: {}, maxResponseBytes: 33_554_432, scrapeInterval: '15s', incremental: { enabled: true, fullRefetchEvery: '10m' } },
      timezone: 'UTC',
      dashboards: ['dashboards/incident.json'],
      incidents: [],
      title: 'vigil',
      theme: 'dark',
    });
  });

  it.each([
    ['the README example', { datasource: { url: 'ftp://x' } }, 'config.json: field "datasource.url" must be "demo", an http(s) URL or a path on this site such as "/prometheus" (not "//host" or "/\\host")'],
    ['credentials in the URL', { datasource: { url: 'https://user:secret@prom.example' } }, 'config.json: field "datasource.url" must not contain credentials; use datasource.headers instead'],
    ['an index into a list', { dashboards: ['a.json', ''] }, 'config.json: field "dashboards.1" Too small: expected string to have >=1 characters'],
    ['several problems at once', { theme: 'blue', title: 3 }, /^config\.json: field "title" .* \(and 1 more\)$/],
    ['a file that is not an object', [], 'config.json: Invalid input: expected object, received array'],
  ])('names the field at fault: %s', (_, raw, message) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig, scrapeIntervalMs } from './config';

describe('datasource.scrapeInterval', () => {
  it('defaults to 15 s (Prometheus’s and Grafana’s default)', () => {
    expect(scrapeIntervalMs(parseConfig({}))).toBe(15_000);
    expect(scrapeIntervalMs(parseConfig({ datasource: { url: '/prometheus' } }))).toBe(15_000);
  });

  it.each([
    ['5s', 5_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
  ])('reads %s', (text, ms) => {
    expect(scrapeIntervalMs(parseConfig({ datasource: { url: 'demo', scrapeInterval: text } }))).toBe(ms);
  });

  it.each(['0s', '500ms', '2h', '15', 'fast', '-15s', '1e9s'])('refuses %s, naming the field', (text) => {
    expect(() => parseConfig({ datasource: { url: 'demo', scrapeInterval: text } })).toThrow(
      'config.json: field "datasource.scrapeInterval" must be a Prometheus duration from 1s to 1h, e.g. "15s"',
    );
  });
});

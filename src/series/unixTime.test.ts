import { speaksOfUnixTime, unixSecondsToMs } from './unixTime';

describe('speaksOfUnixTime', () => {
  it.each([
    ['time()', undefined, true],
    ['timestamp(up)', undefined, true],
    ['max(x)', 'process_start_time_seconds', true],
    ['backup_last_success_timestamp', 'backup_last_success_timestamp', true],
    ['node_boot_time_seconds{job="n"}', undefined, true],
    ['process_resident_memory_bytes', 'process_resident_memory_bytes', false],
    ['sum(rate(http_requests_total[5m]))', undefined, false],
  ])('%s (metric %s): %s', (expr, name, expected) => expect(speaksOfUnixTime(expr, name)).toBe(expected));
});

describe('unixSecondsToMs', () => {
  it('reads the seconds of the years 2001–2286 as epoch ms, and nothing else', () => {
    expect(unixSecondsToMs(1705325400.5)).toBe(1705325400500);
    expect(unixSecondsToMs(1e9)).toBe(1e12);
    expect(unixSecondsToMs(42)).toBeUndefined();
    expect(unixSecondsToMs(1e10)).toBeUndefined();
    expect(unixSecondsToMs(NaN)).toBeUndefined();
    expect(unixSecondsToMs(Infinity)).toBeUndefined();
  });
});

import type { TimeRange } from './range';

const UNIT_WORDS: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', y: 'year' };

/**
 * A relative range in words, as Grafana's time picker names it (rangeutil's describeTextRange):
 * `now-30m` to `now` is "Last 30 minutes", `now-1h` "Last 1 hour"; any other relative range reads as
 * typed ("now-2d/d to now/d"). Undefined for a range with an absolute end: its times say it better.
 */
export function describeRelativeRange(range: TimeRange): string | undefined {
  const from = range.from.trim();
  const to = range.to.trim();
  if (!from.startsWith('now') || !to.startsWith('now')) return undefined;
  const last = to === 'now' ? /^now-(\d+)([smhdwy])$/.exec(from) : null;
  const count = last ? Number(last[1]) : NaN;
  const word = last ? UNIT_WORDS[last[2] ?? ''] : undefined;
  if (word && Number.isSafeInteger(count) && count > 0) return `Last ${count} ${word}${count === 1 ? '' : 's'}`;
  return `${from} to ${to}`;
}

import { classifyLines } from './postmortemLines';
import { parseTimelineEntry, readTimeline } from './postmortemTimeline';

describe('parseTimelineEntry', () => {
  it.each([
    ['10:15 AM: An engineer confirmed the alert.', '10:15', 'am', 'An engineer confirmed the alert.'],
    ['10:15: Alert fired.', '10:15', undefined, 'Alert fired.'],
    ['22:05 - Alert fired.', '22:05', undefined, 'Alert fired.'],
    ['- 10:15 AM — Alert   fired.', '10:15', 'am', 'Alert fired.'],
    ['* 9:05 p.m. – Paged.', '9:05', 'pm', 'Paged.'],
    ['1. 10:15 UTC: Alert fired.', '10:15', undefined, 'Alert fired.'],
    ['**10:15** Alert fired.', '10:15', undefined, 'Alert fired.'],
    ['[10:15] Alert fired.', '10:15', undefined, 'Alert fired.'],
    ['| 10:15 | Alert fired. |', '10:15', undefined, 'Alert fired.'],
    ['2024-01-16 00:10 - After midnight.', '0:10', undefined, 'After midnight.'],
    ['10:00 – 10:30: Failover ran.', '10:00', undefined, 'Failover ran.'],
    ['10 AM: Standup.', '10:00', 'am', 'Standup.'],
  ])('reads %j', (line, clock, meridiem, text) => {
    const entry = parseTimelineEntry(line);
    const [hour, minute] = clock.split(':').map(Number);
    expect(entry && { hour: entry.time.hour, minute: entry.time.minute, meridiem: entry.time.meridiem, text: entry.text }).toEqual({
      hour,
      minute,
      meridiem,
      text,
    });
  });

  it('reads the date of a dated entry', () => {
    expect(parseTimelineEntry('2024-01-16 00:10 - After midnight.')?.date?.date).toEqual({ year: 2024, month: 1, day: 16 });
  });

  it.each([
    ['prose', 'The outage occurred from 10:00 AM to 12:30 PM.'],
    ['a time without a separator', '10:15 engineers met'],
    ['a time and nothing else', '10:15:'],
    ['a window range', '10:00 - 12:30 UTC, January 15, 2024'],
    ['a version number', '1.10:5 released'],
  ])('rejects %s', (_name, line) => {
    expect(parseTimelineEntry(line)).toBeUndefined();
  });
});

describe('readTimeline: paragraphs opening with "At <time>"', () => {
  const zone = { kind: 'iana', name: 'UTC' } as const;
  const date = { year: 2021, month: 7, day: 7 };
  const read = (text: string) => readTimeline(classifyLines(text.split('\n').map((line) => ({ text: line }))), { zone, date });
  const iso = (ms: number) => new Date(ms).toISOString().slice(11, 16);

  it('are entries where three or more follow one another, blank lines between', () => {
    const source = ['**Timeline**', '', 'At 16:17, a Heroku problem stops all routing.', '', 'At 16:19 synthetic tests begin to fail.', '', 'At 16:46 traffic returns to normal.'].join('\n');
    const timeline = read(source);
    expect(timeline.events.map((event) => `${iso(event.time)} ${event.text}`)).toEqual([
      '16:17 a Heroku problem stops all routing.',
      '16:19 synthetic tests begin to fail.',
      '16:46 traffic returns to normal.',
    ]);
    expect(timeline.unplacedCount).toBe(0);
  });

  it.each([
    ['one among other entries', ['## Timeline', '11:05: Alert fired.', '', 'At 11:30 we restarted a pod.', '', '11:40: Resolved.']],
    ['two in a row', ['## Timeline', 'At 11:20 we paged the team.', '', 'At 11:30 we restarted a pod.', '', '11:40: Resolved.']],
    ['three split by prose', ['## Timeline', 'At 11:10 we paged the team.', '', 'At 11:20 nobody answered.', 'Then the pager was checked.', '', 'At 11:30 we restarted a pod.']],
  ])('stay prose where %s', (_name, source) => {
    const timeline = read(source.join('\n'));
    expect(timeline.events.map((event) => event.text).filter((text) => /we|nobody/.test(text))).toEqual([]);
    expect(timeline.unplacedCount).toBeGreaterThan(0);
  });
});

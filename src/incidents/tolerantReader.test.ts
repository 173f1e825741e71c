import { parsePostmortem } from './parsePostmortem';

// The shapes of real postmortems (issue 10), each written small; the corpus in test/corpus holds the real ones.

function read(source: string, timezone?: string) {
  const result = parsePostmortem(source, { id: 't', ...(timezone && { timezone }) });
  if (!result.ok) throw new Error(result.error);
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16));
  return {
    window: [iso(result.incident.start), iso(result.incident.end), result.reading.window.rule],
    events: result.incident.events.map((event) => `${iso(event.time)} ${event.text}`),
    stated: result.reading.timezoneStated,
    reading: result.reading,
  };
}

describe('the tolerant reader', () => {
  it('reads stamp headings with the paragraph under them, across midnight, zone from the first heading', () => {
    const { events, window, stated } = read(
      '# Partition\n\n## Timeline\n\n### 2018 October 21 22:52 UTC\n\nThe partition began.\n\n### 23:40\n\nPaged the database team.\n\n### 00:10\n\nService restored.\n',
    );
    expect(events).toEqual(['2018-10-21T22:52 The partition began.', '2018-10-21T23:40 Paged the database team.', '2018-10-22T00:10 Service restored.']);
    expect(window).toEqual(['2018-10-21T22:52', '2018-10-22T00:10', 'impact-to-resolution']);
    expect(stated).toBe(true);
  });

  it('reads a status page newest first: the day goes back, not forward, and the years come from the document', () => {
    const source = [
      '<h1>Elevated API errors</h1>',
      '<div><strong>Resolved</strong> - This incident has been resolved.<br><small>Posted 2 days ago. Jan 16, 2024 - 00:20 UTC</small></div>',
      '<div><strong>Monitoring</strong> - A fix has been implemented.<br><small>Jan 15, 23:50 UTC</small></div>',
      '<div><strong>Investigating</strong> - We are investigating errors.<br><small>Jan 15, 23:10 UTC</small></div>',
    ].join('\n');
    const { events, reading } = read(source);
    expect(events).toEqual([
      '2024-01-15T23:10 Investigating - We are investigating errors.',
      '2024-01-15T23:50 Monitoring - A fix has been implemented.',
      '2024-01-16T00:20 Resolved - This incident has been resolved.',
    ]);
    expect(reading.newestFirst).toBe(true);
  });

  it('rolls undated entries of a newest-first list back over midnight', () => {
    const { events } = read('Date: 2024-03-02\n\n## Updates (all times UTC)\n\n- 00:20 Resolved.\n- 23:50 Monitoring the fix.\n- 23:10 Investigating errors.\n');
    expect(events).toEqual(['2024-03-01T23:10 Investigating errors.', '2024-03-01T23:50 Monitoring the fix.', '2024-03-02T00:20 Resolved.']);
  });

  it('reads day headings without a year in the document\'s year, and a zone named only in the front matter line', () => {
    const source = '---\ntitle: "Mail delays"\ndate: 2019-04-18\n---\nAll times in CEST.\n\n## Timeline\n\n### 19. April\n\n- 09:15 Queue grows\n- 10:00 Workers restarted\n\n### 20 April\n\n- 08:00 Queue drained, incident resolved\n';
    const { events, window, stated } = read(source);
    expect(events).toEqual(['2019-04-19T07:15 Queue grows', '2019-04-19T08:00 Workers restarted', '2019-04-20T06:00 Queue drained, incident resolved']);
    expect(window).toEqual(['2019-04-19T07:15', '2019-04-20T06:00', 'impact-to-resolution']);
    expect(stated).toBe(true);
  });

  it('reads bold, italic, bracketed, UPDATE and shortcode entries, HHMM with the date after it, and zone before time', () => {
    const source = [
      'Timeline',
      '**17:20 UTC:** Errors begin.',
      '*2023-01-04 17:31*: Alert fired.',
      '[17:40] Paged the on-call.',
      'UPDATE 17:45 - Rolled back.',
      '{{< update time="2023-01-04T17:50:00Z" >}}Error rates back to normal.{{< /update >}}',
      '1755 UTC 2023-01-04 - Incident resolved.',
      'UTC 18:00 Postmortem scheduled.',
    ].join('\n');
    const { events } = read(source);
    expect(events.map((event) => event.slice(11, 16))).toEqual(['17:20', '17:31', '17:40', '17:45', '17:50', '17:55', '18:00']);
    expect(events[4]).toBe('2023-01-04T17:50 Error rates back to normal.');
  });

  it('takes OUTAGE BEGINS / OUTAGE ENDS markers over the first entry and the last resolution', () => {
    const { window } = read('On 2015-10-21, times UTC.\n\nTimeline\n14:50 deploy of the new index\n14:55 OUTAGE BEGINS pager storm\n15:36 OUTAGE ENDS traffic back\n16:00 all fixed and resolved\n');
    expect(window).toEqual(['2015-10-21T14:55', '2015-10-21T15:36', 'timeline-markers']);
  });

  it('prefers the outage sentence to a data-loss range and to the timeline, and reads a range split over two lines', () => {
    const source = [
      'On January 15, 2024 writes between 09:00 and 09:05 UTC were lost.',
      'The outage lasted from 10:00 UTC',
      'to 12:30 UTC.',
      '',
      'Timeline',
      '- 09:58 Deploy started',
      '- 12:45 Incident resolved',
    ].join('\n');
    expect(read(source).window).toEqual(['2024-01-15T10:00', '2024-01-15T12:30', 'outage-line']);
  });

  it('never takes a maintenance window for the outage', () => {
    const source = 'Scheduled maintenance window: 2024-05-16 21:00 to 2024-05-17 17:00 PDT.\n\nTimeline\n- May 17, 2024 17:00 PDT: Storage failed; users lost access.\n- May 18, 2024 09:00 PDT: Access restored, resolved.\n';
    expect(read(source).window).toEqual(['2024-05-18T00:00', '2024-05-18T16:00', 'impact-to-resolution']);
  });

  it('says the zone was not stated and reads the times in the zone it was given', () => {
    const { window, stated } = read('Outage on 2024-01-15 from 10:00 to 12:30.', 'Europe/Berlin');
    expect(window).toEqual(['2024-01-15T09:00', '2024-01-15T11:30', 'outage-line']);
    expect(stated).toBe(false);
  });

  it('lists a timeline line with a time it could not place', () => {
    const { reading } = read('Outage: 10:00 to 12:30 UTC on 2024-01-15\n\nTimeline\n- 10:00 Alert fired\n\nWe think it was about 10:20 when the DB team joined.\n');
    expect(reading.unplacedLines.map((line) => line.text)).toEqual(['We think it was about 10:20 when the DB team joined.']);
  });
});

import { parsePostmortem } from './parsePostmortem';
import { windowSentence } from './readingWords';

// The timeline rule of the window precedence (windowPrecedence.ts, rule 4), each on a small document
// shaped like the corpus document that needed it.

function windowOf(source: string): [string, string | undefined, string] {
  const result = parsePostmortem(source, { id: 't' });
  if (!result.ok) throw new Error(result.error);
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16));
  return [iso(result.incident.start) ?? '', iso(result.incident.end), result.reading.window.rule];
}

describe('the window read from a timeline', () => {
  it('starts at the first entry showing impact, not at a cause nobody saw yet', () => {
    const source = 'Power blackout, 2010-11-16 (all times UTC)\n\n01:39 - Utility power fails - running on backup batteries\n03:36 - Batteries low - servers start their shutdown sequences\n04:24 - Last server back online; network operations restored\n';
    expect(windowOf(source)).toEqual(['2010-11-16T03:36', '2010-11-16T04:24', 'impact-to-resolution']);
  });

  it('starts at an entry opening the incident before any impact is described', () => {
    const source = '## Timeline\n\n* [2013-03-27 00:29 UTC] Incident opened.\n* [2013-03-27 00:35 UTC] Routing to the load balancer is down; we fail over to a spare.\n* [2013-03-27 02:06 UTC] Routing has been fully restored.\n';
    expect(windowOf(source)).toEqual(['2013-03-27T00:29', '2013-03-27T02:06', 'impact-to-resolution']);
  });

  it('ends where the whole service is back, not where a component recovers hours later', () => {
    const source = 'Times are UTC.\n\n- 2017-01-24 16:00 - The backup replica is close to running out of disk.\n- 2017-01-24 23:33 - A lock is held; messages stop being relayed.\n- 2017-01-25 09:45 - Normal service on the homeserver is mostly back.\n- 2017-01-25 13:00 - All hosted bridges are back to normal.\n';
    expect(windowOf(source)).toEqual(['2017-01-24T23:33', '2017-01-25T09:45', 'impact-to-resolution']);
  });

  it('reads "site status went green" as the resolution', () => {
    const source = '## Timeline\n\n### 2018 October 21 22:52 UTC\n\nThe network partition began.\n\n### 2018 October 22 16:24 UTC\n\nWe failed over to the original topology.\n\n### 2018 October 22 23:03 UTC\n\nEvery system checked; site status went green.\n';
    expect(windowOf(source)).toEqual(['2018-10-21T22:52', '2018-10-22T23:03', 'impact-to-resolution']);
  });

  it('leaves the incident open where a later entry contradicts the resolution', () => {
    const source = '## Timeline\n\n* [2013-03-27 00:29 UTC] Incident opened.\n* [2013-03-27 02:06 UTC] The provider says routing has been fully restored.\n* [2013-03-27 02:18 UTC] Only part of the subnets are back.\n';
    expect(windowOf(source)).toEqual(['2013-03-27T00:29', undefined, 'impact-to-resolution']);
  });

  it('starts where errors rise, after the deploy that caused them', () => {
    const source = 'Date: 14 March 2023\n\nTimeline\nUTC 09:02 - Deploy of gateway v2.14 begins\nUTC 09:09 - Upload error rate rises above 20%; alert fires\nUTC 09:15 - Incident declared\nUTC 09:40 - Uploads fully recovered\n';
    expect(windowOf(source)).toEqual(['2023-03-14T09:09', '2023-03-14T09:40', 'impact-to-resolution']);
  });

  it('starts where requests begin to fail, before the alert', () => {
    const source = '## Timeline (all times UTC)\n\n*2023-01-04 05:13*: Resolvers return SERVFAIL; API requests begin to fail.\n*2023-01-04 05:16*: Alert fired.\n*2023-01-04 06:10*: Incident resolved.\n';
    expect(windowOf(source)).toEqual(['2023-01-04T05:13', '2023-01-04T06:10', 'impact-to-resolution']);
  });

  it.each([
    ['clients "begin failing"', 'Mobile clients begin failing TLS handshakes.'],
    ['the error rate "reaches" a level', 'API error rate reaches 35%.'],
  ])('starts where %s, in a "10:15 AM:" list that passes noon', (_name, impact) => {
    const source = `Wednesday, April 9, 2025\n\n## Timeline (all times PDT)\n\n- 9:41 AM: Certificate rotation job starts.\n- 9:48 AM: ${impact}\n- 9:55 AM: Alert fires and pages the on-call engineer.\n- 12:07 PM: Error rate back at baseline; incident resolved.\n`;
    expect(windowOf(source)).toEqual(['2025-04-09T16:48', '2025-04-09T19:07', 'impact-to-resolution']);
  });
});

describe('the end read from the prose after a timeline without a resolution', () => {
  const timeline = '## Timeline\n\nOn January 31st 2017 the team worked on the database.\n\n**± 19:00 UTC:** users could not comment on issues.\n\n**± 23:30 UTC:** the primary database data is removed.\n\n## Recovery\n\n';

  it('takes the last dated resolution sentence, the whole service over a part, the date carried from the sentence before', () => {
    const source = `${timeline}On February 1st at 17:00 UTC the database was restored without webhooks.\n\nAround 18:00 UTC the final restoration steps, such as restoring the webhooks, were done.\n`;
    expect(windowOf(source)).toEqual(['2017-01-31T19:00', '2017-02-01T18:00', 'impact-to-resolution']);
  });

  it('names the sentence that ended the window for the review, as it names the line that started it', () => {
    const source = `${timeline}On February 1st at 17:00 UTC the database was restored without webhooks.\n\nAround 18:00 UTC the final restoration steps, such as restoring the webhooks, were done.\n`;
    const result = parsePostmortem(source, { id: 't' });
    if (!result.ok) throw new Error(result.error);
    expect(result.reading.window.endLine?.text).toMatch(/^Around 18:00 UTC the final restoration steps/);
    expect(windowSentence(result.reading)).toMatch(
      /^No sentence states the outage window; it runs from the first impact .*"\*\*± 19:00 UTC:\*\* users could not comment on issues\.", to the resolution\. The timeline holds no resolution; the end is the one written after it, line 13: "Around 18:00 UTC the final restoration steps/,
    );
  });

  it('says nothing of an end after the timeline where the timeline itself resolved the incident', () => {
    const result = parsePostmortem('## Timeline\n\n* [2013-03-27 00:29 UTC] Incident opened.\n* [2013-03-27 02:06 UTC] Routing has been fully restored.\n\nAt 03:00 UTC everything was restored.\n', { id: 't' });
    if (!result.ok) throw new Error(result.error);
    expect(result.reading.window.endLine).toBeUndefined();
    expect(windowSentence(result.reading)).not.toMatch(/no resolution/);
  });

  it('takes a lone partial resolution where nothing restores the whole service', () => {
    const source = `${timeline}On February 1st at 17:00 UTC the database was restored without webhooks.\n`;
    expect(windowOf(source)).toEqual(['2017-01-31T19:00', '2017-02-01T17:00', 'impact-to-resolution']);
  });

  it('dates a sentence without a date on the last entry\'s day, the next day where it would come before that entry', () => {
    const source = `${timeline}At 02:15 UTC the database was restored.\n`;
    expect(windowOf(source)).toEqual(['2017-01-31T19:00', '2017-02-01T02:15', 'impact-to-resolution']);
  });

  it.each([
    ['a resolution before the start (the state restored)', 'The database could be restored to its state of January 31st, 17:20 UTC.'],
    ['a time without resolution wording', 'On February 1st at 17:00 UTC we posted an update.'],
    ['a resolution without a time', 'The database was restored the next day.'],
  ])('leaves the incident open on %s', (_name, prose) => {
    expect(windowOf(`${timeline}${prose}\n`)).toEqual(['2017-01-31T19:00', undefined, 'impact-to-resolution']);
  });

  it('does not read prose after the timeline where an entry resolves the outage', () => {
    const source = '## Timeline\n\n2024-01-15 10:00 UTC: Users could not log in.\n\n2024-01-15 11:00 UTC: Site fully restored.\n\n## Follow-up\n\nAt 15:00 UTC the final recovery steps were done.\n';
    expect(windowOf(source)).toEqual(['2024-01-15T10:00', '2024-01-15T11:00', 'impact-to-resolution']);
  });
});

import { eventKind } from './eventKind';
import { SEED_EVENTS } from './fixtures/readFixture';
import type { IncidentEventKind } from './model';

describe('eventKind', () => {
  it('gives the seed timeline the kinds a responder would', () => {
    expect(SEED_EVENTS.map(([, , text]) => eventKind(text))).toEqual([
      'detected',
      'acknowledged',
      'identified',
      'escalated',
      'identified',
      'mitigated',
      'resolved',
    ]);
  });

  it.each<[string, IncidentEventKind]>([
    ['Monitoring detected a spike in 5xx responses.', 'detected'],
    ['PagerDuty alerted the on-call engineer.', 'detected'],
    ['Customers reported slow checkouts on Twitter.', 'detected'],
    ['The on-call engineer acknowledged the page.', 'acknowledged'],
    ['An engineer confirmed the alert and began investigating the issue.', 'acknowledged'],
    ['Incident declared; the team began triaging.', 'acknowledged'],
    ['Engineer identified a bad config push as the cause.', 'identified'],
    ['Root cause found: certificate expired on the edge proxy.', 'identified'],
    ['The team confirmed the memory leak and began working on a fix.', 'identified'],
    ['Issue escalated to the database team.', 'escalated'],
    ['Rolled back the release to mitigate.', 'mitigated'],
    ['Applied a workaround: traffic was shifted to us-west-2.', 'mitigated'],
    ['A temporary fix was implemented.', 'mitigated'],
    ['Service restored with a workaround; the fix is pending.', 'mitigated'],
    ['Issue resolved.', 'resolved'],
    ['The permanent fix was deployed, and the issue was fully resolved.', 'resolved'],
    ['Fix deployed to all regions; error rates back to normal.', 'resolved'],
    ['Replaced the temporary workaround with a permanent fix.', 'resolved'],
    ['Errors started climbing in eu-west-1.', 'started'],
    ['A config change introduced a retry storm.', 'started'],
    // Timelines written in the present tense (Pusher's "At 16:30 …" paragraphs).
    ['At 16:17, a Heroku problem stops all routing of requests to the Beams API.', 'started'],
    ['At 16:19 synthetic tests begin to fail and alert the engineers on slack.', 'detected'],
    ['At 16:30 an engineer rolls back the latest deployment, which changes nothing.', 'mitigated'],
    ['At 16:46 an engineer opens an incident on the public status page.', 'acknowledged'],
    ['At 16:46 incoming traffic returns to normal levels and synthetic tests pass again.', 'resolved'],
    ['Status page updated.', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(eventKind(text)).toBe(kind);
  });
});

import { describe, expect, it } from 'vitest';
import { readSeed } from './fixtures/readFixture';
import { parsePostmortem } from './parsePostmortem';
import { answerParseRequest } from './parsePostmortemMessages';

describe('the postmortem worker answers one message', () => {
  it('with what parsePostmortem reads, as data a structured clone keeps', () => {
    const text = readSeed();
    const reply = answerParseRequest({ text, options: { id: 'seed', timezone: 'Europe/Berlin' } });
    expect(reply).toEqual({ kind: 'parsed', result: parsePostmortem(text, { id: 'seed', timezone: 'Europe/Berlin' }) });
    expect(structuredClone(reply)).toEqual(reply);
    if (reply.kind !== 'parsed' || !reply.result.ok) throw new Error('the seed was not read');
    expect(reply.result.incident.title).toBe("Memory leak in our application's backend");
    expect(reply.result.incident.events).toHaveLength(7);
  });

  it('passes the parser’s own refusals through (binary data, no window)', () => {
    expect(answerParseRequest({ text: '\u0000\u0001PK\u0003\u0004', options: { id: 'zip' } })).toEqual({
      kind: 'parsed',
      result: { ok: false, error: 'The postmortem is not readable text (it looks like binary data).' },
    });
    const reply = answerParseRequest({ text: 'Nothing happened today.', options: { id: 'quiet' } });
    expect(reply.kind === 'parsed' && reply.result.ok).toBe(false);
  });

  it('passes the reference date on, so a document that writes no year is read as on the page', () => {
    const text = 'On Wednesday, July 7th at 16:17 the API became unavailable. It lasted until 16:46 UTC.';
    const reply = answerParseRequest({ text, options: { id: 'y', readOn: { year: 2026, month: 12, day: 2 } } });
    expect(reply.kind === 'parsed' && reply.result.ok && reply.result.reading.yearFromWeekdays?.year).toBe(2021);
  });

  it.each([null, 'text', 42, {}, { text: 7, options: { id: 'x' } }, { text: 'a', options: null }, { text: 'a', options: { id: 1 } }, { text: 'a', options: { id: 'x', timezone: 5 } }, { text: 'a', options: { id: 'x', readOn: '2026-12-02' } }])(
    'refuses %j, which is not a request, with a message instead of throwing',
    (message) => {
      expect(answerParseRequest(message)).toEqual({ kind: 'failed', error: 'The postmortem reader was sent something that is not a postmortem.' });
    },
  );
});

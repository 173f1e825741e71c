import { firstSentence } from './postmortemFields';

describe('firstSentence', () => {
  it.each([
    // Slack's status page, 2021-12-22: the summary is the whole first sentence, not "… from 4:20 a.m."
    ['On December 22, 2021 from 4:20 a.m. to 9:30 a.m. PST, a small share of customers had trouble. An outage caused it.', 'On December 22, 2021 from 4:20 a.m. to 9:30 a.m. PST, a small share of customers had trouble.'],
    ['The site was down until 9:30 a.m. The cause was a full disk.', 'The site was down until 9:30 a.m.'],
    ['Errors rose at 2 P.M. EST and fell at 3 p.m., then stopped. Later it recurred.', 'Errors rose at 2 P.M. EST and fell at 3 p.m., then stopped.'],
    ['Caches (e.g. Redis) filled up. Then it broke.', 'Caches (e.g. Redis) filled up.'],
    ['No sentence end here', 'No sentence end here'],
  ])('%s', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence);
  });
});

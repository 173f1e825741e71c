import type { IncidentEventKind } from './model';

/**
 * Lifecycle kind of a timeline entry from its wording. The first matching rule wins, and rules run
 * from the latest lifecycle stage to the earliest, so an entry naming two stages ("confirmed the
 * alert and began investigating") gets the later one. Two exceptions keep the stages honest: a
 * temporary fix is a mitigation even though it "fixes", and a plain "resolved" loses to a mitigation
 * ("resolved with a workaround"), while "fully resolved" or a "permanent fix" does not.
 */
const KIND_RULES: ReadonlyArray<readonly [IncidentEventKind, RegExp]> = [
  ['resolved', /\b(?:permanent(?:ly)? fix(?:ed)?|fully (?:resolved|recovered|restored)|completely (?:resolved|recovered|restored)|(?:incident|outage) (?:was |is )?(?:closed|resolved|over)|all[- ]clear)\b/i],
  ['mitigated', /\b(?:mitigat\w*|temporary (?:fix|patch|solution)|temporarily|workaround|work-around|stop-?gap|roll(?:s|ed|ing)? ?back|reverted|revert(?:ing)? the|fail(?:ed|ing)? ?over|restarted|restarting|scaled (?:up|out)|rate[- ]limit(?:ed|ing)|drained|throttled|partial(?:ly)? (?:recovered|restored))\b/i],
  ['resolved', /\b(?:resolved|resolution|fixed|recovered|restored|back to normal|return(?:s|ed)? to normal(?: levels)?|back online|status (?:to |was |is |back to |went |turned |changed to |set to )?(?:green|operational)|normal service\b[^.;]{0,40}\b(?:back|restored|resumed)|fully operational|all systems (?:normal|go)|(?:issue|problem|error)s? (?:goes|went|go) away|all systems operational|fix (?:was )?(?:deployed|rolled out|released|shipped)|closed)\b/i],
  ['escalated', /\b(?:escalated|escalating|escalate|handed (?:over|off) to|paged (?:in )?(?:the|a|an) \w+ team)\b/i],
  ['identified', /\b(?:identified|root[- ]caused?|found the (?:cause|source|culprit|bug|problem|leak|issue)|pinpointed|traced (?:\w+ ){0,3}to|narrowed (?:it )?down|diagnosed|determined (?:that|the cause)|confirmed the (?!alert|alarm|page|report|incident|issue\b|outage|problem\b)\w+|(?:began|started) (?:working on|developing|preparing|writing) a fix|working on a fix)\b/i],
  ['acknowledged', /\b(?:acknowledg\w*|ack'?ed|confirmed the (?:alert|alarm|page|report|incident|issue|outage|problem)|(?:began|started|begun) (?:investigating|to investigate|looking into|triaging)|investigating|investigation (?:began|started)|triag\w*|responded to (?:the )?(?:alert|page|alarm)|on-?call (?:engineer )?(?:responded|joined|was paged)|incident (?:was )?(?:declared|opened)|(?:declares?|opens?) (?:an|the) incident|declared (?:an|the) incident)\b/i],
  ['detected', /\b(?:detected|detection|alerted|alert (?:fired|triggered)|alerts? the (?:engineers?|on-?call|team)|alerts? (?:fired|fires|triggered|triggers)|alarm(?:ed|s)?|paged|noticed|spotted|observed|reported|monitoring (?:showed|flagged|system)|first (?:seen|observed|noticed))\b/i],
  ['started', /\b(?:(?:outage|incident|impact|degradation|errors?|issues?|problems?|latency) (?:first )?(?:began|started|begins|starts)|introduced|deployed (?:a |the )?(?:change|release|version|update|config)|(?:began|begins?) to fail|started (?:to )?fail(?:ing)?|stops? all (?:routing|traffic|requests))\b/i],
];

export function eventKind(text: string): IncidentEventKind {
  const considered = text.slice(0, 2000);
  for (const [kind, pattern] of KIND_RULES) {
    if (pattern.test(considered)) return kind;
  }
  return 'other';
}

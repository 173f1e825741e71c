/** Notices a bar lists before it only counts the rest: a link may produce thousands. */
export const MAX_LISTED_NOTICES = 10;

export interface NoticeSummary {
  readonly listed: readonly string[];
  /** How many further (distinct) notices there are. */
  readonly more: number;
}

/** The first `max` distinct notices and how many others there are, in one pass. */
export function summarizeNotices(notices: readonly string[], max = MAX_LISTED_NOTICES): NoticeSummary {
  const distinct = [...new Set(notices)];
  return { listed: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}

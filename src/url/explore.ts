import { formatZodError } from '../schema/formatZodError';
import { addedPanelCheck, runCheck } from './linkCheck';
import { FRAGMENT_LIMITS } from './fragmentLimits';
import { ignored, quote } from './queryParams';
import { V1_KEYS } from './queryKeys';
import type { AddedPanel } from './viewState';

/** What a link may carry for Explore: a handful of queries is an investigation; more is a dashboard. */
export const EXPLORE_LIMITS = {
  queries: 10,
  queryChars: FRAGMENT_LIMITS.queryChars,
  addedPanels: 20,
  titleChars: 120,
} as const;

/** Ids of added panels follow the dashboard schema's rule, so they can be hidden, focused and overridden. */
const ADDED_PANEL_ID = /^[a-z0-9-]+$/;
const ADDED_PANEL_PREFIX = 'explore-';

/**
 * Explore's queries from the link's repeated `q` values, in order: the first EXPLORE_LIMITS.queries
 * kept, a query longer than the limit dropped (cutting PromQL would change what it asks), each with
 * a notice. One pass over values readParams has already capped.
 */
export function readExploreQueries(values: readonly string[], notices: string[]): string[] {
  const key = V1_KEYS.exploreQuery;
  const kept: string[] = [];
  for (const value of values) {
    if (value.length > EXPLORE_LIMITS.queryChars) notices.push(`Ignored a "${key}" query of ${value.length} characters: Explore takes queries of at most ${EXPLORE_LIMITS.queryChars}`);
    else kept.push(value);
  }
  if (kept.length > EXPLORE_LIMITS.queries) {
    notices.push(`Ignored ${kept.length - EXPLORE_LIMITS.queries} more "${key}" queries: Explore holds at most ${EXPLORE_LIMITS.queries}`);
  }
  return kept.slice(0, EXPLORE_LIMITS.queries);
}

/**
 * Hidden series of Explore's queries from the link's repeated `q-hide` values (`2:up{job="a"}`):
 * the number names a query the link carries (Query 1 is `1`), the rest is the series' name, which
 * may itself hold ':'. Anything else is dropped with a notice. Values readParams has already capped.
 */
export function readExploreHidden(values: readonly string[], queryCount: number, notices: string[]): Record<string, readonly string[]> {
  const key = V1_KEYS.exploreHide;
  const byQuery = new Map<string, Set<string>>();
  for (const value of values) {
    const colon = value.indexOf(':');
    const number = value.slice(0, colon);
    const name = value.slice(colon + 1);
    if (colon <= 0 || !/^\d{1,2}$/.test(number) || name === '') {
      notices.push(ignored(key, value, 'is not <query number>:<series name>'));
    } else if (Number(number) < 1 || Number(number) > queryCount) {
      notices.push(ignored(key, value, queryCount === 0 ? 'names a query, but the link has none' : `names query ${Number(number)}, but the link has ${queryCount}`));
    } else {
      const canonical = String(Number(number));
      const names = byQuery.get(canonical) ?? new Set<string>();
      names.add(name);
      byQuery.set(canonical, names);
    }
  }
  return Object.fromEntries([...byQuery].map(([query, names]) => [query, [...names]]));
}

const checkAddedPanel = addedPanelCheck(EXPLORE_LIMITS, ADDED_PANEL_ID);

/** An added panel as the fragment holds it: short member names, since every byte lands in the link. */
export interface AddedPanelPayload {
  /** Its id. */
  i: string;
  /** Its title. */
  t: string;
  /** Its query. */
  e: string;
}

export function toAddedPanelPayload(panel: AddedPanel): AddedPanelPayload {
  return { i: panel.id, t: panel.title, e: panel.expr };
}

/**
 * The added panels of a fragment's `a` member. Each panel is judged alone, so one bad panel costs
 * only itself; past the limit and repeated ids are dropped; every drop is one notice.
 */
export function readAddedPanels(raw: unknown, notices: string[]): AddedPanel[] {
  if (!Array.isArray(raw)) {
    notices.push('Ignored the panels added from Explore in the link: they are not a list');
    return [];
  }
  if (raw.length > EXPLORE_LIMITS.addedPanels) {
    notices.push(`Ignored ${raw.length - EXPLORE_LIMITS.addedPanels} panels added from Explore: a link carries at most ${EXPLORE_LIMITS.addedPanels}`);
  }
  const seen = new Set<string>();
  const panels: AddedPanel[] = [];
  raw.slice(0, EXPLORE_LIMITS.addedPanels).forEach((item: unknown, index) => {
    const parsed = runCheck(checkAddedPanel, item);
    if (!parsed.success) notices.push(`Ignored panel ${index + 1} added from Explore: ${formatZodError(parsed)}`);
    else if (seen.has(parsed.data.i)) notices.push(`Ignored the panel ${quote(parsed.data.i)} added from Explore: it is in the link twice`);
    else {
      seen.add(parsed.data.i);
      panels.push({ id: parsed.data.i, title: parsed.data.t, expr: parsed.data.e });
    }
  });
  return panels;
}

/** `explore-N` with the smallest N no panel uses yet. */
export function nextAddedPanelId(takenIds: Iterable<string>): string {
  const taken = new Set(takenIds);
  let n = 1;
  while (taken.has(`${ADDED_PANEL_PREFIX}${n}`)) n++;
  return `${ADDED_PANEL_PREFIX}${n}`;
}

/** A panel's title from its query: the query itself, shortened to fit a header. */
export function addedPanelTitle(expr: string): string {
  const oneLine = expr.replace(/\s+/g, ' ').trim();
  return oneLine.length <= EXPLORE_LIMITS.titleChars ? oneLine : `${oneLine.slice(0, EXPLORE_LIMITS.titleChars - 1)}…`;
}

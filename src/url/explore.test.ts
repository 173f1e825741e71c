import { decodeViewState } from './decode';
import { encodeViewState } from './encode';
import { encodeFragment } from './fragment';
import { EXPLORE_LIMITS, nextAddedPanelId } from './explore';
import { formatQuery } from './queryComponent';

const NOW = Date.UTC(2024, 0, 15, 12);

function decode(search: string, hash = '', knownPanels?: string[]) {
  return decodeViewState(search, hash, { now: NOW, ...(knownPanels ? { knownPanels } : {}) });
}

function withPanels(panels: unknown): string {
  return `#z=${encodeFragment({ a: panels } as never)}`;
}

describe('Explore in a link', () => {
  it('reads the mode and the queries in order, with characters that mean something in URLs', () => {
    const queries = ['up', 'sum by (instance) (rate(x{path="/a?b=1&c=#"}[5m]))', ''];
    const { state, notices } = decode(`?${formatQuery([['v', '1'], ['explore', null], ...queries.map((q) => ['q', q] as const)])}`);
    expect(notices).toEqual([]);
    expect(state.explore).toBe(true);
    expect(state.exploreQueries).toEqual(queries);
  });

  it('keeps the first queries up to the limit and says how many it left out', () => {
    const search = `?v=1&explore&${Array.from({ length: EXPLORE_LIMITS.queries + 5 }, (_, i) => `q=q${i}`).join('&')}`;
    const { state, notices } = decode(search);
    expect(state.exploreQueries).toEqual(Array.from({ length: EXPLORE_LIMITS.queries }, (_, i) => `q${i}`));
    expect(notices).toEqual([`Ignored 5 more "q" queries: Explore holds at most ${EXPLORE_LIMITS.queries}`]);
  });

  it('drops a query longer than the limit whole, and keeps the others', () => {
    const long = 'x'.repeat(EXPLORE_LIMITS.queryChars + 1);
    const { state, notices } = decode(`?v=1&q=up&q=${long}&q=down`);
    expect(state.exploreQueries).toEqual(['up', 'down']);
    expect(notices).toEqual([`Ignored a "q" query of ${long.length} characters: Explore takes queries of at most ${EXPLORE_LIMITS.queryChars}`]);
  });

  it('reads an "explore" flag that is not true or false as off, with a notice', () => {
    const { state, notices } = decode('?v=1&explore=maybe');
    expect(state.explore).toBe(false);
    expect(notices).toEqual(['Ignored "explore": "maybe" is not true or false']);
  });
});

describe('panels added from Explore in a link', () => {
  const panel = (i: string, e = 'up') => ({ i, t: e, e });

  it('keeps each good panel and drops each bad one with its own notice', () => {
    const { state, notices } = decode('?v=1', withPanels([panel('explore-1'), { i: 'Bad Id', t: 'x', e: 'up' }, panel('explore-1', 'down'), { i: 'explore-3', t: '', e: 'up' }]));
    expect(state.addedPanels).toEqual([{ id: 'explore-1', title: 'up', expr: 'up' }]);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^Ignored panel 2 added from Explore: .*lower-case letters, digits and dashes/);
    expect(notices[1]).toBe('Ignored the panel "explore-1" added from Explore: it is in the link twice');
    expect(notices[2]).toMatch(/^Ignored panel 4 added from Explore/);
  });

  it('keeps the first panels up to the limit and says how many it left out', () => {
    const many = Array.from({ length: EXPLORE_LIMITS.addedPanels + 2 }, (_, i) => panel(`explore-${i + 1}`));
    const { state, notices } = decode('?v=1', withPanels(many));
    expect(state.addedPanels).toHaveLength(EXPLORE_LIMITS.addedPanels);
    expect(notices).toEqual([`Ignored 2 panels added from Explore: a link carries at most ${EXPLORE_LIMITS.addedPanels}`]);
  });

  it('refuses a panel that takes the id of a dashboard panel, and a list that is not a list', () => {
    const taken = decode('?v=1', withPanels([panel('memory')]), ['memory']);
    expect(taken.state.addedPanels).toEqual([]);
    expect(taken.notices).toEqual(['Ignored the panel "memory" added from Explore: a dashboard panel has that id']);
    expect(decode('?v=1', withPanels({ i: 'x' })).notices).toEqual(['Ignored the panels added from Explore in the link: they are not a list']);
  });

  it('lets the rest of the link name an added panel: hidden series, focus and query edits', () => {
    const search = '?v=1&panel=explore-1&hide=explore-1:web-2';
    const hash = `#z=${encodeFragment({ o: { 'explore-1': ['down'] }, a: [panel('explore-1')] })}`;
    const { state, notices } = decode(search, hash, ['memory']);
    expect(notices).toEqual([]);
    expect(state.panel).toBe('explore-1');
    expect(state.hidden).toEqual({ 'explore-1': ['web-2'] });
    expect(state.overrides).toEqual({ 'explore-1': ['down'] });
    expect(encodeViewState(state)).toBe(`${search}${hash}`);
  });
});

describe('nextAddedPanelId', () => {
  it('takes the smallest free number', () => {
    expect(nextAddedPanelId([])).toBe('explore-1');
    expect(nextAddedPanelId(['explore-1', 'explore-3'])).toBe('explore-2');
  });
});

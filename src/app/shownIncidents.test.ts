import type { Incident } from '../incidents';
import { shownIncidents } from './shownIncidents';

const incident = (id: string, title = id): Incident => ({ id, title, start: 0, end: 1, events: [], timezone: 'UTC' });

describe('shownIncidents', () => {
  const catalog = [incident('seed'), incident('other')];

  it('shows the chosen catalog incidents (all when none is chosen), then the linked ones, marked', () => {
    expect(shownIncidents(catalog, [], [incident('pasted')])).toEqual({
      incidents: [incident('seed'), incident('other'), incident('pasted')],
      fromLink: new Set(['pasted']),
    });
    expect(shownIncidents(catalog, ['other'], []).incidents).toEqual([incident('other')]);
    // The picker with nothing ticked hides the catalog's, not those the link carries.
    expect(shownIncidents(catalog, [], [incident('pasted')], true).incidents).toEqual([incident('pasted')]);
  });

  it('shows one incident per id, the catalog winning, even over an unchosen catalog incident', () => {
    const shown = shownIncidents(catalog, ['seed'], [incident('other', 'Impostor'), incident('pasted'), incident('pasted', 'Twin')]);
    expect(shown.incidents).toEqual([incident('seed'), incident('pasted')]);
    expect(shown.fromLink).toEqual(new Set(['pasted']));
  });
});

import type { Incident } from '../incidents';

export interface ShownIncidents {
  /** The incidents on screen, one per id: the catalog's chosen ones, then those from the link. */
  readonly incidents: readonly Incident[];
  /** Ids of the incidents that came with the link (its fragment), not from this site's catalog. */
  readonly fromLink: ReadonlySet<string>;
}

/**
 * What the page overlays: the catalog incidents the link chose (all when it chose none, none when
 * it hid them all with `noneChosen`) and the ones the link carries. An id is shown once, the catalog's winning: a link must not be able to
 * replace the site's own incident nor show two under one key.
 */
export function shownIncidents(catalog: readonly Incident[], chosenIds: readonly string[], linked: readonly Incident[], noneChosen = false): ShownIncidents {
  const chosen = new Set(chosenIds);
  const fromCatalog = chosen.size > 0 ? catalog.filter((i) => chosen.has(i.id)) : noneChosen ? [] : catalog;
  const taken = new Set(catalog.map((i) => i.id));
  const fromLink = new Set<string>();
  const incidents = [...fromCatalog];
  for (const incident of linked) {
    if (taken.has(incident.id)) continue;
    taken.add(incident.id);
    fromLink.add(incident.id);
    incidents.push(incident);
  }
  return { incidents, fromLink };
}

// What a link's `#z=` fragment may carry, apart from the zod schemas of ./fragmentSchema.ts (the
// test oracle of ./linkCheck.ts) so that the first load, which reads links by hand, does not load zod.
import type { Incident } from '../incidents';
import type { AddedPanelPayload } from './explore';

/** Limits on what a link may carry; a fragment beyond them is refused rather than trusted. */
export const FRAGMENT_LIMITS = {
  incidents: 20,
  eventsPerIncident: 200,
  textChars: 2_000,
  queryChars: 10_000,
  overridePanels: 200,
  queriesPerPanel: 50,
  /** Arrays and objects in the JSON: the limits above need about 4,300 (20 × 200 events). */
  jsonContainers: 10_000,
  /** Nesting of the JSON: an event sits 5 deep. */
  jsonDepth: 8,
} as const;

/** The JSON inside `#z=`; short member names because every byte lands in the link. */
export interface FragmentPayload {
  /** Query overrides: panel id → PromQL per query index. */
  o?: Record<string, readonly string[]>;
  /** Imported incidents. */
  i?: readonly Incident[];
  /** Panels added from Explore. */
  a?: readonly AddedPanelPayload[];
}

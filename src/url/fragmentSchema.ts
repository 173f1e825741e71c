import { z } from '../schema';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import type { Incident } from '../incidents';
import type { AddedPanelPayload } from './explore';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';

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

const text = z.string().check(z.maxLength(FRAGMENT_LIMITS.textChars));
// The instants vigil can show (years 0001–9999), well inside what a Date holds.
const epochMs = z.number().check(z.gte(EARLIEST_TIME_MS), z.lte(LATEST_TIME_MS));

const incidentEventSchema = z.object({
  time: epochMs,
  text,
  kind: z.enum(INCIDENT_EVENT_KINDS),
});

// A zone as a postmortem writes it ("UTC", "+05:30", "America/Argentina/ComodRivadavia") is short.
const writtenZone = z.string().check(z.maxLength(64));
const timezoneSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stated'), written: writtenZone }),
  z.object({ kind: z.literal('stated-offset'), written: writtenZone }),
  z.object({ kind: z.literal('assumed') }),
]);

export const importedIncidentSchema = z.object({
  id: z.string().check(z.maxLength(FRAGMENT_LIMITS.textChars), z.minLength(1)),
  title: text,
  severity: z.optional(text),
  summary: z.optional(text),
  impact: z.optional(text),
  rootCause: z.optional(text),
  start: epochMs,
  end: z.optional(epochMs),
  events: z.array(incidentEventSchema).check(z.maxLength(FRAGMENT_LIMITS.eventsPerIncident)),
  timezone: text,
  timezoneSource: z.optional(timezoneSourceSchema),
}) satisfies z.ZodMiniType<Incident>;

export const importedIncidentsSchema = z.array(importedIncidentSchema).check(z.maxLength(FRAGMENT_LIMITS.incidents));

export const overridesSchema = z
  .record(z.string().check(z.minLength(1)), z.array(z.string().check(z.maxLength(FRAGMENT_LIMITS.queryChars))).check(z.maxLength(FRAGMENT_LIMITS.queriesPerPanel)))
  .check(
    z.refine((record) => Object.keys(record).length <= FRAGMENT_LIMITS.overridePanels, {
      message: `more than ${FRAGMENT_LIMITS.overridePanels} panels`,
    }),
  );

/** The JSON inside `#z=`; short member names because every byte lands in the link. */
export interface FragmentPayload {
  /** Query overrides: panel id → PromQL per query index. */
  o?: Record<string, readonly string[]>;
  /** Imported incidents. */
  i?: readonly Incident[];
  /** Panels added from Explore. */
  a?: readonly AddedPanelPayload[];
}

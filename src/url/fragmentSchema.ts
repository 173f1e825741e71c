import { z } from 'zod';
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

const text = z.string().max(FRAGMENT_LIMITS.textChars);
// The instants vigil can show (years 0001–9999), well inside what a Date holds.
const epochMs = z.number().min(EARLIEST_TIME_MS).max(LATEST_TIME_MS);

const incidentEventSchema = z.object({
  time: epochMs,
  text,
  kind: z.enum(INCIDENT_EVENT_KINDS),
});

// A zone as a postmortem writes it ("UTC", "+05:30", "America/Argentina/ComodRivadavia") is short.
const writtenZone = z.string().max(64);
const timezoneSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stated'), written: writtenZone }),
  z.object({ kind: z.literal('stated-offset'), written: writtenZone }),
  z.object({ kind: z.literal('assumed') }),
]);

export const importedIncidentSchema = z.object({
  id: text.min(1),
  title: text,
  severity: text.optional(),
  summary: text.optional(),
  impact: text.optional(),
  rootCause: text.optional(),
  start: epochMs,
  end: epochMs.optional(),
  events: z.array(incidentEventSchema).max(FRAGMENT_LIMITS.eventsPerIncident),
  timezone: text,
  timezoneSource: timezoneSourceSchema.optional(),
}) satisfies z.ZodType<Incident>;

export const importedIncidentsSchema = z.array(importedIncidentSchema).max(FRAGMENT_LIMITS.incidents);

export const overridesSchema = z
  .record(z.string().min(1), z.array(z.string().max(FRAGMENT_LIMITS.queryChars)).max(FRAGMENT_LIMITS.queriesPerPanel))
  .refine((record) => Object.keys(record).length <= FRAGMENT_LIMITS.overridePanels, {
    message: `more than ${FRAGMENT_LIMITS.overridePanels} panels`,
  });

/** The JSON inside `#z=`; short member names because every byte lands in the link. */
export interface FragmentPayload {
  /** Query overrides: panel id → PromQL per query index. */
  o?: Record<string, readonly string[]>;
  /** Imported incidents. */
  i?: readonly Incident[];
  /** Panels added from Explore. */
  a?: readonly AddedPanelPayload[];
}

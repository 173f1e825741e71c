import { z } from '../schema';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import type { Incident } from '../incidents';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import { FRAGMENT_LIMITS } from './fragmentLimits';

export { FRAGMENT_LIMITS };
export type { FragmentPayload } from './fragmentLimits';


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

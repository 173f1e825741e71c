import { INCIDENT_EVENT_KINDS } from '../annotations';
import { formatZodError } from '../schema/formatZodError';
import { aborted, addIssue, array, field, optionalField, isObject, maxLength, minLength, oneOf, string, unknownKeys, wrongType, type Issues, type Path } from '../schema/check';
import { isValidTimezone } from '../time';
import { formatIsoInstant, parseIsoInstant } from './isoInstant';
import type { Incident, IncidentEvent } from './model';

/**
 * An incident file: one incident as JSON, listed in config.json's `incidents` beside postmortem
 * texts and written by "Download incident JSON". The format is a public contract (docs/incident-file.md):
 * `schemaVersion` says which one a file follows, so a later format can still read files of this one.
 */
export const INCIDENT_FILE_VERSION = 1;

/** Bounds on everything a file may hold: a catalog file is read on every page load. */
export const INCIDENT_FILE_LIMITS = {
  /** Bytes of the file as served; beyond this it is refused before it is parsed. */
  fileBytes: 1_000_000,
  idChars: 100,
  titleChars: 300,
  severityChars: 50,
  /** summary, impact, rootCause and each event's text. */
  textChars: 2_000,
  timezoneChars: 64,
  events: 500,
} as const;

const L = INCIDENT_FILE_LIMITS;

// Ids go into links (`incident=<id>`) and marker keys: letters, digits and . _ - only, starting alphanumeric.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const ISO_MESSAGE =
  'must be an ISO 8601 time with an offset between the years 0001 and 9999, e.g. "2024-01-15T10:05:00Z" or "2024-01-15T11:05:00+01:00"';

function isoInstant(input: unknown, issues: Issues, path: Path): string {
  const ok = string(input, issues, path);
  maxLength(input, 40, issues, path);
  if (ok && parseIsoInstant(input) === null) addIssue(issues, path, ISO_MESSAGE, true);
  return input as string;
}

/** A string trimmed, then within `min`..`max` characters. */
function trimmed(min: number | undefined, max: number) {
  return (input: unknown, issues: Issues, path: Path): string => {
    const value = string(input, issues, path) ? input.trim() : input;
    if (min !== undefined) minLength(value, min, issues, path);
    maxLength(value, max, issues, path);
    return value as string;
  };
}

const EVENT_KEYS = ['time', 'kind', 'text'] as const;

function event(input: unknown, issues: Issues, path: PropertyKey[]): IncidentFileEvent {
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as IncidentFileEvent;
  }
  const out = {
    time: field(input, 'time', isoInstant, issues, path),
    kind: field(input, 'kind', (value, issues, path) => oneOf(value, INCIDENT_EVENT_KINDS, issues, path), issues, path),
    text: field(input, 'text', trimmed(1, L.textChars), issues, path),
  };
  unknownKeys(input, EVENT_KEYS, issues, path);
  return out;
}

function id(input: unknown, issues: Issues, path: Path): string {
  const ok = string(input, issues, path);
  minLength(input, 1, issues, path);
  maxLength(input, L.idChars, issues, path);
  if (ok && !ID_PATTERN.test(input)) addIssue(issues, path, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit', true);
  return input as string;
}

function timezone(input: unknown, issues: Issues, path: Path): string {
  const ok = string(input, issues, path);
  maxLength(input, L.timezoneChars, issues, path);
  if (ok && !(input === 'UTC' || isValidTimezone(input))) addIssue(issues, path, 'must be an IANA time zone such as "UTC" or "Europe/Berlin"', true);
  return input as string;
}

const FILE_KEYS = ['schemaVersion', 'id', 'title', 'timezone', 'start', 'end', 'severity', 'summary', 'impact', 'rootCause', 'events'] as const;
const OPTIONAL_TEXTS = [
  ['severity', L.severityChars],
  ['summary', L.textChars],
  ['impact', L.textChars],
  ['rootCause', L.textChars],
] as const;

/** An incident file as read: its fields (texts trimmed), or the problems in zod's order and words. */
export function checkIncidentFile(input: unknown, issues: Issues): IncidentFile {
  const path: PropertyKey[] = [];
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as IncidentFile;
  }
  const out: Record<string, unknown> = {};
  if (input.schemaVersion !== INCIDENT_FILE_VERSION) addIssue(issues, ['schemaVersion'], `Invalid input: expected ${INCIDENT_FILE_VERSION}`);
  out.schemaVersion = input.schemaVersion;
  out.id = field(input, 'id', id, issues, path);
  out.title = field(input, 'title', trimmed(1, L.titleChars), issues, path);
  out.timezone = field(input, 'timezone', timezone, issues, path);
  out.start = field(input, 'start', isoInstant, issues, path);
  if ('end' in input) out.end = optionalField(input, 'end', isoInstant, issues, path);
  for (const [key, max] of OPTIONAL_TEXTS) if (key in input) out[key] = optionalField(input, key, trimmed(1, max), issues, path);
  out.events = field(input, 'events', (value, issues, path) => array(value, event, (v, i, p) => maxLength(v, L.events, i, p), L.events, issues, path), issues, path);
  unknownKeys(input, FILE_KEYS, issues, path);
  const file = out as unknown as IncidentFile;
  if (!aborted(issues, 0) && file.end !== undefined) {
    const start = parseIsoInstant(file.start);
    const end = parseIsoInstant(file.end);
    if (start !== null && end !== null && end < start) addIssue(issues, ['end'], `must not be before "start" (${file.start})`, true);
  }
  return file;
}

interface IncidentFileEvent {
  readonly time: string;
  readonly kind: IncidentEvent['kind'];
  readonly text: string;
}

/** An incident file as JSON holds it (docs/incident-file.md). */
export interface IncidentFile {
  readonly schemaVersion: typeof INCIDENT_FILE_VERSION;
  readonly id: string;
  readonly title: string;
  readonly timezone: string;
  readonly start: string;
  readonly end?: string;
  readonly severity?: string;
  readonly summary?: string;
  readonly impact?: string;
  readonly rootCause?: string;
  readonly events: readonly IncidentFileEvent[];
}

export type ReadIncidentFileResult = { readonly ok: true; readonly incident: Incident } | { readonly ok: false; readonly error: string };

/** An already-validated ISO instant as epoch ms. */
function instant(text: string): number {
  return parseIsoInstant(text) as number;
}

/**
 * The incident a file describes, or an error naming the field at fault. Events are put in time
 * order (a stable sort: events at one instant keep the file's order); the zone is the one the file states.
 */
export function readIncidentFile(raw: unknown): ReadIncidentFileResult {
  const version = typeof raw === 'object' && raw !== null && 'schemaVersion' in raw ? (raw as { schemaVersion: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > INCIDENT_FILE_VERSION) {
    return { ok: false, error: `field "schemaVersion" is ${version}, newer than this vigil reads (${INCIDENT_FILE_VERSION})` };
  }
  const issues: Issues = [];
  const file = checkIncidentFile(raw, issues);
  if (issues.length > 0) return { ok: false, error: formatZodError({ issues }) };
  const events: IncidentEvent[] = file.events
    .map((event) => ({ time: instant(event.time), kind: event.kind, text: event.text }))
    .sort((a, b) => a.time - b.time);
  const incident: Incident = {
    id: file.id,
    title: file.title,
    ...(file.severity !== undefined && { severity: file.severity }),
    ...(file.summary !== undefined && { summary: file.summary }),
    ...(file.impact !== undefined && { impact: file.impact }),
    ...(file.rootCause !== undefined && { rootCause: file.rootCause }),
    start: instant(file.start),
    ...(file.end !== undefined && { end: instant(file.end) }),
    events,
    timezone: file.timezone,
    timezoneSource: { kind: 'stated', written: file.timezone },
  };
  return { ok: true, incident };
}

/** Reads the text of an incident file: size first, then JSON, then the schema. */
export function readIncidentFileText(text: string): ReadIncidentFileResult {
  if (text.length > L.fileBytes) return { ok: false, error: `the file is larger than ${L.fileBytes.toLocaleString('en-US')} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  return readIncidentFile(raw);
}

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** An id the file format accepts, from any incident id (a pasted postmortem's may hold spaces). */
export function fileIdOf(id: string): string {
  const slug = id
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, L.idChars);
  return slug === '' ? 'incident' : slug;
}

/**
 * The file for an incident, as "Download incident JSON" writes it: times with the offset of the
 * incident's zone, every text within the format's bounds, so the file reads back as the incident
 * (`readIncidentFile(toIncidentFile(i))` gives `i` again wherever `i` is within those bounds).
 */
export function toIncidentFile(incident: Incident): IncidentFile {
  const zone = incident.timezone === 'UTC' || isValidTimezone(incident.timezone) ? incident.timezone : 'UTC';
  const optional = (value: string | undefined, max: number) => (value !== undefined && value.trim() !== '' ? clip(value, max) : undefined);
  const severity = optional(incident.severity, L.severityChars);
  const summary = optional(incident.summary, L.textChars);
  const impact = optional(incident.impact, L.textChars);
  const rootCause = optional(incident.rootCause, L.textChars);
  // Keys in the documented order, so a downloaded file reads like the example in the docs.
  const file: IncidentFile = {
    schemaVersion: INCIDENT_FILE_VERSION,
    id: fileIdOf(incident.id),
    title: optional(incident.title, L.titleChars) ?? fileIdOf(incident.id),
    timezone: zone,
    start: formatIsoInstant(incident.start, zone),
    ...(incident.end !== undefined && { end: formatIsoInstant(Math.max(incident.end, incident.start), zone) }),
    ...(severity !== undefined && { severity }),
    ...(summary !== undefined && { summary }),
    ...(impact !== undefined && { impact }),
    ...(rootCause !== undefined && { rootCause }),
    // In time order (a stable sort: events at one instant keep their order), as the format promises.
    events: [...incident.events]
      .sort((left, right) => left.time - right.time)
      .filter((event) => event.text.trim() !== '')
      .slice(0, L.events)
      .map((event) => ({ time: formatIsoInstant(event.time, zone), kind: event.kind, text: clip(event.text, L.textChars) })),
  };
  return file;
}

/**
 * The file's text, the one writer of incident files: "Download incident JSON" saves it and
 * `npm run incident` prints it. Pretty JSON ending in a newline, so it reads and diffs well.
 */
export function incidentFileText(incident: Incident): string {
  return `${JSON.stringify(toIncidentFile(incident), null, 2)}\n`;
}

/** The file's name on download: its id, so it can go into `public/incidents/` as it is. */
export function incidentFileName(incident: Incident): string {
  return `${fileIdOf(incident.id)}.json`;
}

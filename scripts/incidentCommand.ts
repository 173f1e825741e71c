/**
 * `npm run incident -- FILE [--tz ZONE]` as a pure function of its arguments and the file's text,
 * so tests run it without a process: the same reader as the page, and the incident printed as an
 * incident file by the same writer as the review's "Download incident JSON", so what it prints can
 * go into `public/incidents/` and config.json's `incidents` as it is (docs/incident-file.md).
 */

import type { CivilDate } from '../src/incidents/civilTime';
import { yearSentence } from '../src/incidents/readingWords';
import { incidentFileText, parsePostmortem } from '../src/incidents';
import { MAX_POSTMORTEM_BYTES } from '../src/incidents/postmortemSizeLimit';

export interface CommandOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const USAGE = 'usage: npm run incident -- FILE [--tz ZONE] [--read-on YYYY-MM-DD]';

export interface IncidentArguments {
  readonly file: string;
  readonly timezone?: string;
  /**
   * The day the document counts as read on (default: today): a postmortem that writes no year takes
   * the latest year up to this day that fits its weekdays, so a catalog built in CI can pin it.
   */
  readonly readOn?: CivilDate;
}

/** "2026-12-02" as a calendar day, or undefined when it is not one (2026-02-30 is not). */
export function parseIsoDay(text: string): CivilDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1970 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function readArguments(argv: readonly string[]): IncidentArguments | string {
  let file: string | undefined;
  let timezone: string | undefined;
  let readOn: CivilDate | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--read-on' || argument.startsWith('--read-on=')) {
      const value = argument === '--read-on' ? argv[index + 1] : argument.slice('--read-on='.length);
      if (argument === '--read-on') index += 1;
      readOn = value === undefined ? undefined : parseIsoDay(value);
      if (!readOn) return `--read-on needs a day like 2026-12-02 (got ${value === undefined ? 'nothing' : JSON.stringify(value)})\n${USAGE}`;
    } else if (argument === '--tz') {
      timezone = argv[index + 1];
      if (!timezone) return `--tz needs a zone (an IANA name like "America/Los_Angeles")\n${USAGE}`;
      index += 1;
    } else if (argument.startsWith('--tz=')) {
      timezone = argument.slice('--tz='.length);
    } else if (argument.startsWith('-')) {
      return `unknown option ${argument}\n${USAGE}`;
    } else if (file === undefined) {
      file = argument;
    } else {
      return `one file at a time (got ${file} and ${argument})\n${USAGE}`;
    }
  }
  if (file === undefined) return USAGE;
  return { file, ...(timezone !== undefined && { timezone }), ...(readOn && { readOn }) };
}

/** The incident id from the file's name: "2024-01-15-webapp.md" → "2024-01-15-webapp"; ".../name/source.md" → "name". */
export function idFromPath(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = (parts[parts.length - 1] ?? 'incident').replace(/\.[^.]+$/, '');
  return base === 'source' && parts.length > 1 ? (parts[parts.length - 2] ?? base) : base;
}

/**
 * `readOn` is the day the document is read (the command passes today's): a postmortem that writes
 * no year takes it from its weekdays, and the command says so on stderr, since it is worked out.
 */
export function runIncidentCommand(args: IncidentArguments, text: string, bytes: number, readOn?: CivilDate): CommandOutcome {
  if (bytes > MAX_POSTMORTEM_BYTES) {
    return { code: 1, stdout: '', stderr: `${args.file}: larger than ${MAX_POSTMORTEM_BYTES} bytes; vigil reads postmortems up to 1 MB\n` };
  }
  const result = parsePostmortem(text, { id: idFromPath(args.file), ...(args.timezone && { timezone: args.timezone }), ...(readOn && { readOn }) });
  if (!result.ok) return { code: 1, stdout: '', stderr: `${args.file}: ${result.error}\n` };
  if (!result.reading.timezoneStated && args.timezone === undefined) {
    return { code: 2, stdout: '', stderr: `${args.file}: no timezone stated: pass --tz ZONE (an IANA name like "Europe/Berlin")\n` };
  }
  const year = yearSentence(result.reading);
  return { code: 0, stdout: incidentFileText(result.incident), stderr: year ? `${args.file}: ${year}
` : '' };
}

/** `npm run -s incident -- FILE [--tz ZONE] [--read-on YYYY-MM-DD]`: a postmortem read by vigil's reader, printed as an incident file (docs/incident-file.md). */
import { readFileSync, statSync } from 'node:fs';
import { localCivilDate } from '../src/incidents/yearWords';
import { readArguments, runIncidentCommand } from './incidentCommand';

const args = readArguments(process.argv.slice(2));
if (typeof args === 'string') {
  process.stderr.write(`${args}\n`);
  process.exit(64);
}
let outcome;
try {
  const bytes = statSync(args.file).size;
  outcome = runIncidentCommand(args, bytes > 2_000_000 ? '' : readFileSync(args.file, 'utf8'), bytes, args.readOn ?? localCivilDate(new Date()));
} catch (error) {
  outcome = { code: 1, stdout: '', stderr: `${args.file}: ${error instanceof Error ? error.message : String(error)}\n` };
}
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;

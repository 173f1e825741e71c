/**
 * The demo's seed incident ships as an incident file, so a first load never fetches the postmortem
 * reader (issue 13: ≤ 200 KB). The file is the shipped postmortem read as the app reads it (zone
 * UTC, as public/config.json's `timezone`; the text names none) and written as "Download incident
 * JSON" writes it. seedIncident.test.ts fails when the two drift; `npx tsx scripts/seedIncident.ts`
 * writes the file again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePostmortem, toIncidentFile } from '../src/incidents';

export const SEED_ID = '2024-01-15-webapp-memory-leak';
export const SEED_POSTMORTEM = `public/incidents/${SEED_ID}.txt`;
export const SEED_INCIDENT_FILE = `public/incidents/${SEED_ID}.json`;

/** The incident file's text for the seed postmortem's text. */
export function seedIncidentFileText(postmortem: string): string {
  const read = parsePostmortem(postmortem, { id: SEED_ID, timezone: 'UTC' });
  if (!read.ok) throw new Error(`${SEED_POSTMORTEM}: ${read.error}`);
  return `${JSON.stringify(toIncidentFile(read.incident), null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(import.meta.dirname, '..');
  writeFileSync(resolve(root, SEED_INCIDENT_FILE), seedIncidentFileText(readFileSync(resolve(root, SEED_POSTMORTEM), 'utf8')));
  process.stdout.write(`wrote ${SEED_INCIDENT_FILE}\n`);
}

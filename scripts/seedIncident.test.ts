// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePostmortem, readIncidentFileText } from '../src/incidents';
import { runIncidentCommand } from './incidentCommand';

/**
 * The demo's seed incident ships as an incident file, so a first load never fetches the postmortem
 * reader (issue 13). The file is the shipped postmortem as the incident command prints it, in UTC
 * (public/config.json's `timezone`; the text names none), written again after an edit with
 * `npm run -s incident -- public/incidents/2024-01-15-webapp-memory-leak.txt --tz UTC > public/incidents/2024-01-15-webapp-memory-leak.json`.
 */
const SEED_ID = '2024-01-15-webapp-memory-leak';
const SEED_POSTMORTEM = `public/incidents/${SEED_ID}.txt`;
const SEED_INCIDENT_FILE = `public/incidents/${SEED_ID}.json`;

const root = resolve(import.meta.dirname, '..');
const shipped = (path: string) => readFileSync(resolve(root, path), 'utf8');

describe('the seed incident', () => {
  it(`ships as what the incident command prints for the shipped postmortem (after editing it: npm run -s incident -- ${SEED_POSTMORTEM} --tz UTC > ${SEED_INCIDENT_FILE})`, () => {
    const postmortem = shipped(SEED_POSTMORTEM);
    const printed = runIncidentCommand({ file: SEED_POSTMORTEM, timezone: 'UTC' }, postmortem, Buffer.byteLength(postmortem));
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    expect(shipped(SEED_INCIDENT_FILE)).toBe(printed.stdout);
  });

  it('reads in the app as the incident the postmortem reader gives, the zone now stated by the file', () => {
    const fromFile = readIncidentFileText(shipped(SEED_INCIDENT_FILE));
    const fromPostmortem = parsePostmortem(shipped(SEED_POSTMORTEM), { id: SEED_ID, timezone: 'UTC' });
    if (!fromFile.ok || !fromPostmortem.ok) throw new Error('the seed incident does not read');
    expect(fromFile.incident).toEqual({ ...fromPostmortem.incident, timezoneSource: { kind: 'stated', written: 'UTC' } });
    expect(fromFile.incident.events).toHaveLength(7);
  });

  it('is what the shipped config lists', () => {
    const config = JSON.parse(shipped('public/config.json')) as { incidents: string[] };
    expect(config.incidents).toEqual([SEED_INCIDENT_FILE.replace(/^public\//, '')]);
  });
});

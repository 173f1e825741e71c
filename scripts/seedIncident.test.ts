// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePostmortem, readIncidentFileText } from '../src/incidents';
import { SEED_ID, SEED_INCIDENT_FILE, SEED_POSTMORTEM, seedIncidentFileText } from './seedIncident';

const root = resolve(import.meta.dirname, '..');
const shipped = (path: string) => readFileSync(resolve(root, path), 'utf8');

describe('the seed incident', () => {
  it('ships as the incident file the reader makes of the shipped postmortem (run `npx tsx scripts/seedIncident.ts` after editing the postmortem)', () => {
    expect(shipped(SEED_INCIDENT_FILE)).toBe(seedIncidentFileText(shipped(SEED_POSTMORTEM)));
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

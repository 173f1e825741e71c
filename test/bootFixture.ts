import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BootData } from '../src/app/boot';
import { parseConfig } from '../src/app/config';
import { parseDashboard } from '../src/dashboard';
import { parsePostmortem } from '../src/incidents';

/**
 * The boot data the demo loads (config, default dashboard, the seed incident), read from disk. The
 * seed is read from its postmortem text, with the reading that comes with it; the demo ships the
 * incident file made from that text (scripts/seedIncident.test.ts keeps the two the same incident).
 */
export function demoBootData(): BootData {
  const config = parseConfig(JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8')));
  const dashboard = parseDashboard(JSON.parse(readFileSync(resolve(process.cwd(), 'public/dashboards/incident.json'), 'utf8')), 'default');
  const source = 'incidents/2024-01-15-webapp-memory-leak.txt';
  const text = readFileSync(resolve(process.cwd(), 'public', source), 'utf8');
  return { config, dashboards: [dashboard], incidents: [{ source, result: parsePostmortem(text, { id: '2024-01-15-webapp-memory-leak', timezone: 'UTC' }) }] };
}

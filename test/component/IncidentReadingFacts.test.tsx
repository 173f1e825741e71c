import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import type { BootData } from '../../src/app/boot';
import { ImportPostmortem } from '../../src/app/ImportPostmortem';
import { parsePostmortem, type Incident } from '../../src/incidents';
import { buildUrl, EMPTY_VIEW_STATE } from '../../src/url';
import { demoBootData } from '../bootFixture';
import { COLD_START_TIMEOUT_MS, importedIncident, openApp } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A postmortem that states its zone once, above everything else. */
const STATES_UTC = [
  'Database failover',
  '',
  'All times are UTC.',
  '',
  'Duration of outage: 11:00 to 11:40 on 2024-01-15.',
  '',
  '## Timeline',
  '11:05: Primary database stopped answering.',
  '',
  'At 11:20 we paged the database team.',
  '',
  '11:40: Replica promoted; fully resolved.',
].join('\n');

function bootWith(text: string): BootData {
  const demo = demoBootData();
  const source = 'incidents/db-failover.txt';
  return { ...demo, incidents: [{ source, result: parsePostmortem(text, { id: 'db-failover', timezone: 'UTC' }) }] };
}

/** The app opened on a link that carries `incidents` in its fragment, as a shared link does. */
function openLinkWith(incidents: readonly Incident[]) {
  const url = buildUrl('http://localhost/', { ...EMPTY_VIEW_STATE, importedIncidents: incidents });
  return openApp(url.slice('http://localhost/'.length));
}

function strip(title: string): HTMLElement {
  return screen.getByRole('region', { name: `Incident: ${title}` });
}

describe('how the page says an incident was read', () => {
  it('says a shipped postmortem that states UTC states it, with its window line and the line it could not place', () => {
    openApp('', bootWith(STATES_UTC));
    const failover = strip('Incident on 2024-01-15');
    expect(failover).toHaveTextContent('Incident times read as UTC, as the postmortem states.');
    expect(failover).not.toHaveTextContent(/names no timezone/);
    expect(failover).toHaveTextContent('Outage window read from the line that names the outage, line 5: "Duration of outage: 11:00 to 11:40 on 2024-01-15."');
    const unplaced = within(failover).getByRole('list', { name: 'Timeline lines not placed' });
    expect(unplaced).toHaveTextContent('line 10: "At 11:20 we paged the database team."');
  }, COLD_START_TIMEOUT_MS);

  it('says the shipped seed names no timezone, because it does not', () => {
    openApp();
    const seed = strip("Memory leak in our application's backend");
    expect(seed).toHaveTextContent('Incident times read as UTC: the postmortem names no timezone.');
    expect(within(seed).queryByRole('list', { name: 'Notes on this incident' })).toBeNull();
  });

  it('says an imported postmortem that states UTC states it, in the app and through its link', async () => {
    const imported: Incident[] = [];
    const user = userEvent.setup();
    const { unmount } = render(<ImportPostmortem timezone="Europe/Berlin" onImport={(incident) => imported.push(incident)} />);
    await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
    await user.click(await screen.findByRole('textbox', { name: /^Paste the postmortem/ }));
    await user.paste(STATES_UTC);
    await user.click(screen.getByRole('button', { name: 'Read this postmortem' }));
    await user.click(await screen.findByRole('button', { name: 'Show on charts' }));
    unmount();
    expect(imported).toHaveLength(1);

    openLinkWith(imported);
    const failover = strip('Incident on 2024-01-15');
    expect(failover).toHaveTextContent('Incident times read as UTC, as the postmortem states.');
    expect(failover).not.toHaveTextContent(/names no timezone/);
  });

  it('claims nothing about the document for an incident from a link that does not say', () => {
    openLinkWith([importedIncident()]);
    const linked = strip('Database failover');
    expect(linked).toHaveTextContent('Incident times read as UTC.');
    expect(linked).not.toHaveTextContent(/postmortem/);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { ImportPostmortem } from '../../src/app/ImportPostmortem';
import { decodeViewState } from '../../src/url';
import { drawnLines, openApp, panel } from './appHarness';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // The dialog is a lazy chunk: loaded here once, so no test's wait includes compiling it.
  await import('../../src/app/ImportDialog');
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A postmortem that names no timezone: its times mean nothing until the user says where. */
const NO_ZONE = [
  '# Checkout latency spike',
  '',
  'Duration of outage: 11:00 to 11:40 on 2024-01-15.',
  '',
  'Impact: checkout took ten seconds for a third of users.',
  '',
  'Root cause: a cache node ran out of memory.',
  '',
  '## Timeline',
  '11:05: Latency alert fired for checkout.',
  '',
  '11:20: On-call engineer acknowledged the page.',
  '',
  'At 11:30 we restarted a pod.',
  '',
  '11:40: Cache node replaced; fully resolved.',
].join('\n');

const TITLE = 'Checkout latency spike';

/** The import dialog in the whole app (charts drawn), or alone where the charts are not the point. */
async function reviewOf(text: string, where: 'app' | 'alone' = 'app') {
  const user = userEvent.setup();
  if (where === 'app') {
    openApp();
    await waitFor(() => expect(drawnLines(panel('Memory'))).toHaveLength(3));
  } else {
    render(<ImportPostmortem timezone="UTC" onImport={() => {}} />);
  }
  await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
  await user.click(await screen.findByRole('textbox', { name: /^Paste the postmortem/ }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Read this postmortem' }));
  return { user, review: await screen.findByRole('region', { name: `Review before showing: ${TITLE}` }) };
}

function eventTimes(review: HTMLElement): string[] {
  return within(review)
    .getAllByRole('textbox', { name: /^Time of event / })
    .map((input) => (input as HTMLInputElement).value);
}

/** Replaces a field's text and presses Enter (pasted: typing key by key is slow in jsdom). */
async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.paste(text);
  await user.keyboard('{Enter}');
}

// Each test draws the whole app and edits through it; on a busy two-core machine that outlasts the 5 s default.
const WHOLE_APP_TIMEOUT_MS = 20_000;

describe('importing a postmortem with review', { timeout: WHOLE_APP_TIMEOUT_MS }, () => {
  it('shows what was read before anything is overlaid: window and its rule, no timezone, events and kinds, impact, root cause, unplaced lines', async () => {
    const { review } = await reviewOf(NO_ZONE);
    expect(within(review).getByRole('textbox', { name: 'Window start' })).toHaveValue('2024-01-15 11:00');
    expect(within(review).getByRole('textbox', { name: 'Window end' })).toHaveValue('2024-01-15 11:40');
    expect(review).toHaveTextContent('Outage window read from the line that names the outage, line 3: "Duration of outage: 11:00 to 11:40 on 2024-01-15."');
    expect(review).toHaveTextContent('Incident times read as UTC: the postmortem names no timezone.');
    expect(within(review).getByRole('combobox', { name: 'Timezone of the postmortem' })).toHaveValue('UTC');
    const rows = within(within(review).getByRole('table', { name: 'Events read' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'detectedLatency alert fired for checkout.Drop',
      'acknowledgedOn-call engineer acknowledged the page.Drop',
      'resolvedCache node replaced; fully resolved.Drop',
    ]);
    expect(eventTimes(review)).toEqual(['2024-01-15 11:05', '2024-01-15 11:20', '2024-01-15 11:40']);
    expect(review).toHaveTextContent('Impactcheckout took ten seconds for a third of users.');
    expect(review).toHaveTextContent('Root causea cache node ran out of memory.');
    expect(within(review).getByRole('list', { name: 'Timeline lines not placed' })).toHaveTextContent('line 14: "At 11:30 we restarted a pod."');
    // Nothing is on the charts yet.
    expect(screen.queryByRole('region', { name: `Incident: ${TITLE}` })).toBeNull();
    expect(within(panel('Memory')).queryByRole('button', { name: /Latency alert fired/ })).toBeNull();
  });

  it('a timezone, a dropped event, an edited time, an added event and a window go onto the charts and into the link as reviewed', async () => {
    const { user, review } = await reviewOf(NO_ZONE);
    // Berlin: the written times stay as written, and mean an hour earlier in UTC.
    await user.selectOptions(within(review).getByRole('combobox', { name: 'Timezone of the postmortem' }), 'Europe/Berlin');
    expect(review).toHaveTextContent('Incident times read as Europe/Berlin: the postmortem names no timezone.');
    expect(eventTimes(review)).toEqual(['2024-01-15 11:05', '2024-01-15 11:20', '2024-01-15 11:40']);

    await user.click(within(review).getByRole('button', { name: 'Drop event 2: On-call engineer acknowledged the page.' }));
    await retype(user, within(review).getByRole('textbox', { name: 'Time of event 1: Latency alert fired for checkout.' }), '2024-01-15 11:10');
    await user.click(within(review).getByRole('textbox', { name: 'New event time' }));
    await user.paste('2024-01-15 11:30');
    await user.selectOptions(within(review).getByRole('combobox', { name: 'New event kind' }), 'mitigated');
    await user.click(within(review).getByRole('textbox', { name: 'New event text' }));
    await user.paste('Pod restarted');
    await user.click(within(review).getByRole('button', { name: 'Add event' }));
    expect(eventTimes(review)).toEqual(['2024-01-15 11:10', '2024-01-15 11:30', '2024-01-15 11:40']);

    // An end before the start is refused, and says so; a real one is kept.
    await retype(user, within(review).getByRole('textbox', { name: 'Window end' }), '2024-01-15 10:00');
    expect(within(review).getByRole('alert')).toHaveTextContent('The window must end after it starts.');
    await retype(user, within(review).getByRole('textbox', { name: 'Window end' }), '2024-01-15 11:50');
    expect(within(review).queryByRole('alert')).toBeNull();
    expect(review).toHaveTextContent('Window set by you.');

    await user.click(within(review).getByRole('button', { name: 'Show on charts' }));
    expect(screen.queryByRole('dialog', { name: 'Import a postmortem' })).toBeNull();
    // The page shows UTC: 11:10 in Berlin is 10:10.
    const strip = screen.getByRole('region', { name: `Incident: ${TITLE}` });
    expect(strip).toHaveTextContent('2024-01-15 10:00:00 – 10:50');
    expect(within(strip).getByRole('list', { name: 'Timeline' }).textContent).toBe(
      '10:10detectedLatency alert fired for checkout.10:30mitigatedPod restarted10:40resolvedCache node replaced; fully resolved.',
    );
    const memory = panel('Memory');
    await waitFor(() => expect(within(memory).getByRole('button', { name: 'detected at 10:10: Latency alert fired for checkout.' })).toBeInTheDocument());
    expect(within(memory).getByRole('button', { name: 'resolved at 10:40: Cache node replaced; fully resolved.' })).toBeInTheDocument();
    expect(within(memory).queryByRole('button', { name: /On-call engineer acknowledged/ })).toBeNull();
    expect(memory.querySelectorAll('.incident-window').length).toBeGreaterThan(0);

    const { state } = decodeViewState(window.location.search, window.location.hash, { now: Date.now() });
    const [linked] = state.importedIncidents;
    expect(linked).toMatchObject({
      title: TITLE,
      timezone: 'Europe/Berlin',
      timezoneSource: { kind: 'assumed' },
      start: Date.UTC(2024, 0, 15, 10, 0),
      end: Date.UTC(2024, 0, 15, 10, 50),
    });
    expect(linked?.events.map((e) => [new Date(e.time).toISOString(), e.kind])).toEqual([
      ['2024-01-15T10:10:00.000Z', 'detected'],
      ['2024-01-15T10:30:00.000Z', 'mitigated'],
      ['2024-01-15T10:40:00.000Z', 'resolved'],
    ]);
  });

  it('a time that is no time is refused where it was typed, and nothing moves', async () => {
    const { user, review } = await reviewOf(NO_ZONE, 'alone');
    await retype(user, within(review).getByRole('textbox', { name: 'Time of event 1: Latency alert fired for checkout.' }), 'half past eleven');
    expect(within(review).getByRole('alert')).toHaveTextContent('"half past eleven" is not a time like 2024-01-15 10:15 (in UTC).');
    expect(eventTimes(review).slice(1)).toEqual(['2024-01-15 11:20', '2024-01-15 11:40']);
  });
});

describe('importing a postmortem that writes no year', { timeout: WHOLE_APP_TIMEOUT_MS }, () => {
  /** Today, for the page's reference date; only Date is faked (user-event's timers stay real). */
  async function readOnDay(day: string, run: () => Promise<void>) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T12:00:00`));
    try {
      await run();
    } finally {
      vi.useRealTimers();
    }
  }

  it('takes the year from the weekday and says so, to be checked', async () => {
    await readOnDay('2026-12-02', async () => {
      const { review } = await reviewOf(`# ${TITLE}\n\nOn Wednesday, July 7th checkout was unavailable from 16:17 to 16:46 UTC.`, 'alone');
      expect(within(review).getByRole('textbox', { name: 'Window start' })).toHaveValue('2021-07-07 16:17');
      expect(within(review).getByRole('list', { name: 'Notes on this import' })).toHaveTextContent(
        'No year stated: 2021 is the latest year up to 2026-12-02 in which July 7 falls on a Wednesday — check it.',
      );
    });
  });

  it('refuses it, naming the missing year, where no weekday tells the year', async () => {
    const user = userEvent.setup();
    render(<ImportPostmortem timezone="UTC" onImport={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a postmortem' });
    await user.click(within(dialog).getByRole('textbox', { name: /^Paste the postmortem/ }));
    await user.paste(`# ${TITLE}\n\nOn July 7th checkout was unavailable from 16:17 to 16:46 UTC.`);
    await user.click(within(dialog).getByRole('button', { name: 'Read this postmortem' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'No year stated: the postmortem writes July 7 without a year, and no weekday beside it to work the year out from.',
    );
    expect(within(dialog).queryByRole('region', { name: /^Review before showing/ })).toBeNull();
  });
});

describe('importing a postmortem from a URL', { timeout: WHOLE_APP_TIMEOUT_MS }, () => {
  async function fetchFrom(address: string) {
    const user = userEvent.setup();
    render(<ImportPostmortem timezone="UTC" onImport={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a postmortem' });
    await user.click(within(dialog).getByRole('textbox', { name: /^Or its address/ }));
    await user.paste(address);
    await user.click(within(dialog).getByRole('button', { name: 'Fetch' }));
    return dialog;
  }

  it('fetches a same-origin postmortem into the review', async () => {
    server.use(http.get(new URL('/postmortems/checkout.md', window.location.href).href, () => HttpResponse.text(NO_ZONE)));
    const dialog = await fetchFrom('/postmortems/checkout.md');
    expect(await within(dialog).findByRole('region', { name: `Review before showing: ${TITLE}` })).toBeInTheDocument();
  });

  it('says when the other site does not let vigil read it, and when it is too large', async () => {
    server.use(
      http.get('https://status.example.com/refused.md', () => HttpResponse.error()),
      http.get('https://status.example.com/huge.html', () => new HttpResponse('x'.repeat(1_000_001), { headers: { 'Content-Type': 'text/html' } })),
    );
    const dialog = await fetchFrom('https://status.example.com/refused.md');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'status.example.com did not let vigil read https://status.example.com/refused.md: its server does not allow other sites to read it (CORS), or it could not be reached.',
    );
    const address = within(dialog).getByRole('textbox', { name: /^Or its address/ });
    const user = userEvent.setup();
    await user.clear(address);
    await user.paste('https://status.example.com/huge.html');
    await user.click(within(dialog).getByRole('button', { name: 'Fetch' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('This document is larger than 1.0 MB; vigil reads postmortems up to 1 MB.'));
    expect(within(dialog).queryByRole('region', { name: /^Review before showing/ })).toBeNull();
  });
});

import type { Browser, Page } from 'playwright-core';
import { axisTickPositions, drawnLines, legendRows, markerPositions, panel, panelRange, waitForLines } from './appPage';
import { launchChromium, serveDist, type RunningStaticServer } from './index';
import { DIST, PROXIED_CONFIG, SEED_POSTMORTEM, startProxiedPrometheusSite } from './realSite';

// A link pasted into the incident channel and opened elsewhere — another browser, another
// timezone — shows the same view.

const TITLES = ['Memory', 'Cache size', 'Error rate'];

let browser: Browser;
let site: RunningStaticServer;
let stopSite: () => Promise<void>;
// The same Prometheus behind a site whose catalog lists an incident file beside the postmortem.
let catalogSite: RunningStaticServer;

const INCIDENT_FILE = {
  schemaVersion: 1,
  id: 'cache-stampede',
  title: 'Cache stampede',
  timezone: 'UTC',
  start: '2024-01-15T09:50:00Z',
  end: '2024-01-15T10:10:00Z',
  events: [{ time: '2024-01-15T09:55:00Z', kind: 'detected', text: 'Cache hit ratio alert fired' }],
};

beforeAll(async () => {
  browser = await launchChromium();
  let backendUrl: string;
  ({ site, stop: stopSite, backend: { url: backendUrl } } = await startProxiedPrometheusSite());
  catalogSite = await serveDist({
    distDir: DIST,
    config: { ...PROXIED_CONFIG, incidents: ['incidents/cache-stampede.json', SEED_POSTMORTEM] },
    proxyTarget: backendUrl,
    extraFiles: { '/incidents/cache-stampede.json': JSON.stringify(INCIDENT_FILE) },
  });
});

afterAll(async () => {
  await catalogSite?.stop();
  await stopSite?.();
  await browser?.close();
});

async function snapshot(page: Page) {
  const out: Record<string, unknown> = {};
  for (const title of TITLES) {
    const region = panel(page, title);
    out[title] = {
      range: await panelRange(region),
      lines: await drawnLines(region).count(),
      legend: await legendRows(region),
      ticks: await axisTickPositions(region),
      markers: await markerPositions(region),
      selected: await region.locator('.incident-marker[aria-pressed="true"]').getAttribute('aria-label').catch(() => null),
    };
  }
  return out;
}

it('a permalink opened in a fresh browser in another timezone shows the same panels, ranges and markers', async () => {
  const sender = await browser.newContext({ timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 1300 } });
  const receiver = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1400, height: 1300 } });
  try {
    const page = await sender.newPage();
    await page.goto(site.url);
    for (const title of TITLES) await waitForLines(panel(page, title), title === 'Error rate' ? 4 : 3);
    // An investigation: the sender's own timezone, a narrower window, a hidden series, an event.
    await page.getByLabel('Timezone', { exact: true }).selectOption('Asia/Tokyo');
    await page.getByLabel('From', { exact: true }).fill('2024-01-15 09:45:00Z');
    await page.getByLabel('To', { exact: true }).fill('2024-01-15 12:50:00Z');
    await page.getByRole('button', { name: 'Apply' }).click();
    // Ctrl+click hides one series (a plain click would show it alone).
    await panel(page, 'Memory').getByRole('button', { name: 'web-2' }).click({ modifiers: ['Control'] });
    await page.getByRole('list', { name: 'Timeline' }).getByRole('button', { name: /escalated/ }).click();
    await waitForLines(panel(page, 'Memory'), 2);
    await page.getByRole('button', { name: 'Share' }).click();
    const permalink = await page.getByLabel(/Permalink/).inputValue();
    expect(permalink).toContain('tz=Asia/Tokyo');
    expect(permalink.length).toBeLessThan(2000);
    const sent = await snapshot(page);

    const opened = await receiver.newPage();
    await opened.goto(permalink);
    for (const title of TITLES) await waitForLines(panel(opened, title), title === 'Memory' ? 2 : title === 'Error rate' ? 4 : 3);
    const received = await snapshot(opened);
    expect(received).toEqual(sent);
    expect(await opened.getByLabel('Timezone shown').textContent()).toContain('Asia/Tokyo');
    // Activating "escalated" (11:00 UTC) showed it ±15 minutes; 11:00 UTC is 20:00 in Tokyo: the
    // axis the receiver sees is labelled in the link's zone.
    expect(new URL(permalink).searchParams.get('from')).toBe(String(Date.UTC(2024, 0, 15, 10, 45)));
    expect(Object.keys((received.Memory as { ticks: Record<string, number> }).ticks)).toContain('20:00');
  } finally {
    await sender.close();
    await receiver.close();
  }
});

it('draws an incident file and a postmortem from config.json in two colours; the picker hides one and the link carries that', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
  try {
    const page = await context.newPage();
    await page.goto(catalogSite.url);
    const memory = panel(page, 'Memory');
    await waitForLines(memory, 3);
    const windows = memory.locator('.incident-window');
    await windows.nth(1).waitFor({ state: 'attached' });
    const fills = await windows.evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    expect(fills).toHaveLength(2);
    expect(new Set(fills).size).toBe(2);
    await page.getByRole('region', { name: 'Incident: Cache stampede' }).waitFor();

    await page.getByRole('button', { name: 'Incidents (2 of 2)' }).click();
    await page.getByRole('group', { name: 'Incidents shown' }).getByRole('checkbox', { name: "Memory leak in our application's backend" }).uncheck();
    await page.getByRole('button', { name: 'Incidents (1 of 2)' }).waitFor();
    expect(page.url()).toContain('incident=cache-stampede');
    expect(await windows.count()).toBe(1);

    const opened = await context.newPage();
    await opened.goto(page.url());
    await waitForLines(panel(opened, 'Memory'), 3);
    await opened.getByRole('region', { name: 'Incident: Cache stampede' }).waitFor();
    expect(await opened.getByRole('region', { name: /^Incident: Memory leak/ }).count()).toBe(0);
    expect(await panel(opened, 'Memory').locator('.incident-window').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')))).toEqual([fills[0]]);
  } finally {
    await context.close();
  }
});

/** A postmortem that names no timezone, as a team's Markdown file often does. */
const NO_ZONE_POSTMORTEM = [
  '# Checkout latency spike',
  '',
  'Duration of outage: 11:00 to 11:40 on 2024-01-15.',
  '',
  '## Timeline',
  '11:05: Latency alert fired for checkout.',
  '',
  '11:40: Cache node replaced; fully resolved.',
].join('\n');

it('a postmortem dropped with no timezone, read in the zone chosen in the review, travels in its link to another browser', async () => {
  const sender = await browser.newContext({ timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 1300 } });
  const receiver = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1400, height: 1300 } });
  try {
    const page = await sender.newPage();
    await page.goto(site.url);
    await waitForLines(panel(page, 'Memory'), 3);
    await page.getByRole('button', { name: 'Import postmortem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a postmortem' });
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'checkout.md', { type: 'text/markdown' }));
      return transfer;
    }, NO_ZONE_POSTMORTEM);
    await dialog.dispatchEvent('drop', { dataTransfer: dropped });
    const review = dialog.getByRole('region', { name: 'Review before showing: Checkout latency spike' });
    await review.getByRole('combobox', { name: 'Timezone of the postmortem' }).selectOption('Europe/Berlin');
    expect(await review.getByRole('textbox', { name: /^Time of event 1/ }).inputValue()).toBe('2024-01-15 11:05');
    await review.getByRole('button', { name: 'Show on charts' }).click();

    // 11:05 in Berlin is 10:05 UTC, wherever the link is opened.
    const eventInstants = (p: Page) => p.getByRole('region', { name: 'Incident: Checkout latency spike' }).getByRole('list', { name: 'Timeline' }).locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(await eventInstants(page)).toEqual(['2024-01-15T10:05:00.000Z', '2024-01-15T10:40:00.000Z']);
    await panel(page, 'Memory').getByRole('button', { name: /Latency alert fired for checkout/ }).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    const permalink = await page.getByLabel(/Permalink/).inputValue();

    const opened = await receiver.newPage();
    await opened.goto(permalink);
    await waitForLines(panel(opened, 'Memory'), 3);
    expect(await eventInstants(opened)).toEqual(['2024-01-15T10:05:00.000Z', '2024-01-15T10:40:00.000Z']);
    await panel(opened, 'Memory').getByRole('button', { name: /Latency alert fired for checkout/ }).waitFor();
    expect(await opened.getByRole('region', { name: 'Incident: Checkout latency spike' }).textContent()).toContain('Incident times read as Europe/Berlin: the postmortem names no timezone.');
  } finally {
    await sender.close();
    await receiver.close();
  }
});

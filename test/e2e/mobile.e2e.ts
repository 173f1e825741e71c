import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { axisTickPositions, drawnLines, legendRows, panel, panelRange, waitForLines } from './appPage';
import { launchChromium, type RunningStaticServer } from './index';
import { startProxiedPrometheusSite } from './realSite';

// A shared permalink opened on a phone (and a tablet, and a narrow window), in Chromium's mobile
// emulation with touch, against a real Prometheus: the same view, charts first, readable, touchable.

const TITLES = ['Memory', 'Cache size', 'Error rate'];
const LINES: Record<string, number> = { Memory: 3, 'Cache size': 3, 'Error rate': 4 };
const INCIDENT = '2024-01-15-webapp-memory-leak';
// An investigation sent from a desktop: 09:45–12:50 UTC shown in Tokyo time, web-2 hidden on the
// memory chart, the 11:00 UTC "escalated" event (20:00 in Tokyo) selected.
const LINK = `/?v=1&from=${Date.UTC(2024, 0, 15, 9, 45)}&to=${Date.UTC(2024, 0, 15, 12, 50)}&tz=Asia/Tokyo&hide=memory:web-2&event=${encodeURIComponent(`${INCIDENT}#3`)}`;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } as const;
// Where to keep screenshots for a person to look at (VIGIL_SCREENSHOTS=dir); none by default.
const SCREENSHOTS = process.env.VIGIL_SCREENSHOTS;

let browser: Browser;
let site: RunningStaticServer;
let stopSite: () => Promise<void>;

beforeAll(async () => {
  browser = await launchChromium();
  ({ site, stop: stopSite } = await startProxiedPrometheusSite());
});

afterAll(async () => {
  await stopSite?.();
  await browser?.close();
});

async function open(context: BrowserContext, path: string, lines: Record<string, number> = LINES): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url + path);
  for (const title of TITLES) await waitForLines(panel(page, title), lines[title] as number);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** What is wrong with the page's layout at its current width; empty when nothing is. */
async function layoutProblems(page: Page, width: number, height: number): Promise<string[]> {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? Infinity,
    innerWidth: window.innerWidth,
    firstPanelTop: document.querySelector('section[data-panel]')?.getBoundingClientRect().top ?? Infinity,
  }));
  const problems: string[] = [];
  // A mobile browser widens its layout viewport to overflowing content, so innerWidth grows too.
  if (layout.scrollWidth > width || layout.innerWidth !== width) problems.push(`scrolls sideways: ${layout.scrollWidth} px of content, innerWidth ${layout.innerWidth}, on ${width} px`);
  if (!(layout.firstPanelTop < height)) problems.push(`the first panel starts at ${layout.firstPanelTop} px on a ${height} px screen`);
  for (const title of TITLES) {
    const labels = Object.keys(await axisTickPositions(panel(page, title)));
    if (labels.length < 3) problems.push(`${title}: time axis labels ${JSON.stringify(labels)}`);
  }
  return problems;
}

/** The selected event as the chart marks it: a pressed marker, or the cluster holding it. */
function selectedMark(region: Locator): Locator {
  return region.locator('.incident-marker[aria-pressed="true"], .marker-cluster.selected');
}

async function svgLeft(region: Locator): Promise<number> {
  return region.locator('svg.recharts-surface').evaluate((svg) => svg.getBoundingClientRect().left);
}

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

it('a desktop link opened on a phone shows the same view: charts in the first screen, readable axes, every part of the link', async () => {
  const desktop = await browser.newContext({ viewport: { width: 1400, height: 1300 }, timezoneId: 'Europe/Berlin' });
  const phone = await browser.newContext({ ...PHONE, timezoneId: 'America/New_York' });
  try {
    const sent = await open(desktop, LINK, { ...LINES, Memory: 2 });
    const page = await open(phone, LINK, { ...LINES, Memory: 2 });
    await screenshot(page, 'phone-link');
    expect(await layoutProblems(page, 390, 844)).toEqual([]);

    // Only the layout differs: the time range, the timezone, the hidden series and the selected event are the link's.
    expect(await page.getByLabel('Timezone', { exact: true }).inputValue()).toBe('Asia/Tokyo');
    expect(await page.getByLabel('Time range', { exact: true }).locator('option:checked').textContent()).toBe('01-15 18:45–21:50');
    for (const title of TITLES) {
      const [there, here] = [panel(sent, title), panel(page, title)];
      expect(await drawnLines(here).count()).toBe(await drawnLines(there).count());
      expect(pick(await panelRange(here))).toEqual(pick(await panelRange(there)));
      expect((await legendRows(here)).map((r) => r.name)).toEqual((await legendRows(there)).map((r) => r.name));
      expect(Object.keys(await axisTickPositions(here))).toEqual(expect.arrayContaining(['19:00', '20:00', '21:00']));
      expect(await selectedMark(here).getAttribute('aria-label')).toMatch(/escalated/);
    }
    expect(await panel(page, 'Memory').getByRole('button', { name: 'web-2' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByText('Selected: 20:00 escalated').isVisible()).toBe(true);

    // The incident's details wait behind a disclosure, and hold the full timeline.
    const details = page.getByRole('button', { name: 'Impact, root cause and 7 events' });
    expect(await page.getByRole('list', { name: 'Timeline' }).isVisible()).toBe(false);
    await details.tap();
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('list', { name: 'Timeline' }).getByRole('button', { name: /escalated/ }).getAttribute('aria-pressed')).toBe('true');
  } finally {
    await desktop.close();
    await phone.close();
  }
});

function pick(range: { start: number; end: number }) {
  return { start: range.start, end: range.end };
}

it('on a phone, a tap shows the values, a finger moves the crosshair, a swipe scrolls, a long-press then drag zooms, a cluster opens its events', async () => {
  const phone = await browser.newContext(PHONE);
  try {
    const page = await open(phone, '/');
    const memory = panel(page, 'Memory');
    const target = memory.locator('.hover-target');
    const box = await target.boundingBox();
    if (!box) throw new Error('the memory chart has no plot area');
    const y = box.y + box.height * 0.6;

    // A tap: every series' value at that time, kept after the finger is gone.
    await target.tap({ position: { x: box.width * 0.3, y: box.height * 0.6 } });
    const tooltip = memory.getByRole('tooltip');
    await expect.poll(() => tooltip.textContent()).toMatch(/^2024-01-15 10:\d\d:\d\d.*web-\d.*GiB.*web-\d.*GiB.*web-\d.*GiB/);
    await page.waitForTimeout(600);
    expect(await tooltip.count()).toBe(1);
    await screenshot(page, 'phone-tap');
    // …until a tap elsewhere.
    await page.getByRole('heading', { name: 'Memory', exact: true }).tap();
    await expect.poll(() => tooltip.count()).toBe(0);

    // A finger sliding sideways: the crosshair and the values follow it.
    const cdp = await phone.newCDPSession(page);
    await touch(cdp, 'touchStart', box.x + 40, y);
    const crosshairX = async () => Math.round(Number(await memory.locator('.crosshair').getAttribute('x1')));
    await touch(cdp, 'touchMove', box.x + 80, y);
    await expect.poll(crosshairX).toBe(Math.round(box.x + 80 - (await svgLeft(memory))));
    const firstTime = await tooltip.locator('.hover-time').textContent();
    await touch(cdp, 'touchMove', box.x + 160, y);
    await expect.poll(crosshairX).toBe(Math.round(box.x + 160 - (await svgLeft(memory))));
    expect(await tooltip.locator('.hover-time').textContent()).not.toBe(firstTime);
    await touch(cdp, 'touchEnd');

    // A long-press, then a drag: the span to zoom into.
    const still = await target.boundingBox();
    if (!still) throw new Error('the memory chart has no plot area');
    const y2 = still.y + still.height * 0.6;
    await touch(cdp, 'touchStart', still.x + 60, y2);
    await page.waitForTimeout(700);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', still.x + 60 + i * 20, y2);
    await expect.poll(() => memory.locator('.zoom-selection').count()).toBe(1);
    await touch(cdp, 'touchEnd');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBeNull();
    const zoomed = new URL(page.url()).searchParams;
    // 120 px dragged across a plot `still.width` px wide showing 4.5 hours.
    expect((Number(zoomed.get('to')) - Number(zoomed.get('from'))) / ((120 / still.width) * 4.5 * 3_600_000)).toBeCloseTo(1, 1);

    // A vertical swipe on a chart scrolls the page and zooms nothing.
    const zoomedLink = page.url();
    await touch(cdp, 'touchStart', still.x + 100, y2);
    for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', still.x + 100, y2 - i * 20);
    await touch(cdp, 'touchEnd');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
    expect(page.url()).toBe(zoomedLink);

    // Events too close to label are one mark with a count; tapping its badge lists them, each a named button.
    await page.goto(site.url + '/');
    await waitForLines(memory, 3);
    const cluster = memory.getByRole('button', { name: /^3 events: detected, acknowledged, identified/ });
    expect(await cluster.getAttribute('aria-expanded')).toBe('false');
    await cluster.tap({ position: { x: 22, y: 30 } });
    const list = memory.getByRole('dialog', { name: '3 events' });
    const items = list.getByRole('listitem').getByRole('button');
    expect(await items.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual([
      'detected at 10:00: The issue was first detected by our monitoring system, which alerted us to an unusual spike in memory usage.',
      'acknowledged at 10:15: An engineer confirmed the alert and began investigating the issue.',
      'identified at 10:30: The engineer identified the caching mechanism as the potential source of the memory leak.',
    ]);
    expect(await items.first().evaluate((b) => b === document.activeElement)).toBe(true);
    const box2 = await items.first().boundingBox();
    expect(box2?.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'phone-cluster');
    await list.getByRole('button', { name: /^acknowledged at 10:15/ }).tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(`${INCIDENT}#1`);
    expect(await list.count()).toBe(0);
    // Activating it also showed it ±15 minutes (10:00–10:30), where the three events stand apart.
    expect(new URL(page.url()).searchParams.get('from')).toBe(String(Date.UTC(2024, 0, 15, 10, 0)));
    for (const title of TITLES) expect(await selectedMark(panel(page, title)).getAttribute('aria-label')).toMatch(/^acknowledged at 10:15|selected: acknowledged/);
  } finally {
    await phone.close();
  }
});

it('nothing scrolls sideways from 320 px up; a tablet and a 600 px window show the charts first; the kiosk keeps its wall', async () => {
  const tablet = await browser.newContext(TABLET);
  const narrowWindow = await browser.newContext({ viewport: { width: 600, height: 900 } });
  try {
    const page = await open(tablet, '/');
    await screenshot(page, 'tablet');
    expect(await layoutProblems(page, 768, 1024)).toEqual([]);
    // Every control a finger can reach is at least 44 px tall.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 44)
        .map((el) => el.textContent?.trim() || el.getAttribute('aria-label')),
    );
    expect(small).toEqual([]);
    for (const [width, height] of [[320, 640], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => layoutProblems(page, width, height), { timeout: 10_000 }).toEqual([]);
    }
    // The menu holds the rest of the controls, the instance picker among them, without widening the page.
    await page.getByRole('button', { name: 'Menu' }).tap();
    for (const control of ['Zoom out', 'Refresh', 'Share', 'Import postmortem', 'Kiosk']) expect(await page.getByRole('button', { name: control, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Instance' }).isVisible()).toBe(true);
    expect(await layoutProblems(page, 390, 844)).toEqual([]);

    const narrow = await open(narrowWindow, '/');
    await screenshot(narrow, 'window-600');
    expect(await layoutProblems(narrow, 600, 900)).toEqual([]);
    // With a mouse the chart behaves as on a desktop: the values follow the pointer and leave with
    // it (nothing pinned), and a drag selects the span to zoom into.
    const chart = panel(narrow, 'Memory').locator('.hover-target');
    const area = await chart.boundingBox();
    if (!area) throw new Error('the memory chart has no plot area');
    await narrow.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await expect.poll(() => panel(narrow, 'Memory').getByRole('tooltip').count()).toBe(1);
    await narrow.mouse.move(area.x + area.width / 2, area.y - 60);
    await expect.poll(() => panel(narrow, 'Memory').getByRole('tooltip').count()).toBe(0);
    await narrow.mouse.move(area.x + 20, area.y + 20);
    await narrow.mouse.down();
    await narrow.mouse.move(area.x + 120, area.y + 20, { steps: 4 });
    await narrow.mouse.up();
    await expect.poll(() => new URL(narrow.url()).searchParams.get('from')).not.toBeNull();

    // Kiosk on the same small screen: the wall's own header, no compact bar.
    const wall = await open(tablet, '/?kiosk');
    expect(await wall.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    expect(await wall.getByLabel('Time range', { exact: true }).count()).toBe(0);
    expect(await wall.locator('.kiosk-header').count()).toBe(1);
  } finally {
    await tablet.close();
    await narrowWindow.close();
  }
});

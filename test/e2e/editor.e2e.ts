import type { Browser, Locator, Page } from 'playwright-core';
import { drawnLines, panel, waitForLines } from './appPage';
import { startProxiedPrometheusSite } from './realSite';
import { launchChromium } from './index';

// The PromQL editor against Debian's Prometheus holding the incident (backfilled, so completion
// must look in the dashboard's range, not the last hours): completion from the server's names,
// Ctrl+Enter, the linter's message and the server's own refusal.

let browser: Browser;
let stack: Awaited<ReturnType<typeof startProxiedPrometheusSite>>;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startProxiedPrometheusSite();
  page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  // The site sends deploy/nginx.conf's CSP: the editor (loaded late, with its own styles) must run under it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${stack.site.url}/`);
  await waitForLines(panel(page, 'Memory'), 3);
});

afterAll(async () => {
  await page?.close();
  await stack?.stop();
  await browser?.close();
});

/** Opens the panel's editor and empties its one query; the CodeMirror editor, named "Query". */
async function emptyEditor(region: Locator): Promise<Locator> {
  const form = region.getByRole('form', { name: 'Edit queries' });
  if ((await form.count()) === 0) await region.getByRole('button', { name: 'Edit query' }).click();
  const query = form.locator('.cm-content[role="textbox"]');
  await query.waitFor({ timeout: 30_000 });
  expect(await form.getByRole('textbox', { name: 'Query' }).getAttribute('class')).toContain('cm-content');
  await query.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  return query;
}

it('completes a metric name from the server, Ctrl+Enter runs it and the panel redraws', async () => {
  const memory = panel(page, 'Memory');
  const query = await emptyEditor(memory);
  await page.keyboard.type('webapp_cache_ent');
  const option = page.getByRole('option', { name: /webapp_cache_entries/ });
  await option.waitFor({ timeout: 30_000 });
  // Clicked rather than Enter: CodeMirror ignores accept keys for a moment after the list opens
  // (interactionDelay), which a loaded machine may or may not outlast.
  await option.click();
  expect(await query.textContent()).toBe('webapp_cache_entries');

  await page.keyboard.press('Control+Enter');
  await memory.getByText('edited query').waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await drawnLines(memory).evaluateAll((paths) => paths.map((p) => p.getAttribute('data-series') ?? ''))).join('\n'), { timeout: 30_000 }).toContain('webapp_cache_entries');
  expect(await drawnLines(memory).count()).toBe(3);
});

it('lists the linter’s message for a query that cannot be right', async () => {
  const memory = panel(page, 'Memory');
  await emptyEditor(memory);
  await page.keyboard.type('rate(webapp_cache_entries)');
  const problems = memory.getByRole('list', { name: 'Problems the editor found' });
  await problems.waitFor({ timeout: 30_000 });
  expect(await problems.textContent()).toContain('expected type matrix in call to function "rate", got vector');
});

it('shows the server’s refusal inline, under the query, in Prometheus’s words', async () => {
  const memory = panel(page, 'Memory');
  await emptyEditor(memory);
  // Parses in the editor; only the server checks the regular expression.
  await page.keyboard.type('label_replace(up, "x", "$1", "job", "(")');
  await page.keyboard.press('Control+Enter');
  const inline = memory.getByRole('form', { name: 'Edit queries' }).getByRole('alert');
  await inline.waitFor({ timeout: 30_000 });
  const text = (await inline.textContent()) ?? '';
  expect(text).toMatch(/invalid regular expression/);
  expect(await memory.getByRole('textbox', { name: 'Query' }).getAttribute('aria-describedby')).toBe(await inline.getAttribute('id'));
});

it('runs under the deployed Content-Security-Policy: opening the editor is refused nothing', async () => {
  await emptyEditor(panel(page, 'Memory'));
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

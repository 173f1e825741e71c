import type { Locator, Page } from 'playwright-core';
import { drawnLines, panel, waitForLines } from './appPage';
import { realSiteInBrowser } from './realSite';

// An investigation in Explore against Debian's Prometheus holding the incident: a typed query,
// its graph and the values beside it (checked against Prometheus's own answer), the link opened
// elsewhere, and the query made a panel of the dashboard.

const EXPR = 'process_resident_memory_bytes{job="webapp"}';
const VIEWPORT = { width: 1400, height: 1300 };

const real = realSiteInBrowser();

function valuesTable(page: Page, where: 'end of range' | 'cursor'): Locator {
  return page.getByRole('group', { name: 'Query 1' }).getByRole('table', { name: new RegExp(`^Query 1 at .*\\(${where}\\)$`) });
}

/** The table as series name → number, and the time it says it shows. */
async function readTable(table: Locator): Promise<{ time: number; values: Record<string, number> }> {
  await table.waitFor({ timeout: 30_000 });
  return table.evaluate((el) => ({
    time: Number(el.getAttribute('data-time')),
    values: Object.fromEntries([...el.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')?.textContent ?? '', Number(tr.querySelector('td')?.textContent)])),
  }));
}

/** Prometheus's own instant answer, named the way vigil names series, parsed here and not by vigil. */
async function serverValues(expr: string, time: number): Promise<Record<string, number>> {
  const response = await fetch(`${real.backend.url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: expr, time: String(time / 1000) }) });
  const json = (await response.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  return Object.fromEntries(
    json.data.result.map(({ metric, value }) => {
      const { __name__: name = '', ...labels } = metric;
      const pairs = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
      return [`${name}{${pairs.join(', ')}}`, Number(value[1])];
    }),
  );
}

it('runs a query in Explore with the server\'s values beside its graph, carries it in the link, and adds it to the dashboard', async () => {
  const sender = await real.browser.newContext({ viewport: VIEWPORT });
  const receiver = await real.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await sender.newPage();
    await page.goto(real.site.url);
    await waitForLines(panel(page, 'Memory'), 3);
    await page.getByRole('button', { name: 'Explore' }).click();
    const query1 = page.getByRole('group', { name: 'Query 1' });
    await query1.getByRole('textbox', { name: 'Query' }).fill(EXPR);
    await query1.getByRole('button', { name: 'Run queries' }).click();

    const graph = panel(page, 'Query 1');
    await waitForLines(graph, 3);
    await expect(graph.getByRole('button', { name: /^mitigated at 12:00/ }).count()).resolves.toBe(1);
    const atEnd = await readTable(valuesTable(page, 'end of range'));
    expect(Object.keys(atEnd.values)).toHaveLength(3);
    expect(atEnd.values).toEqual(await serverValues(EXPR, atEnd.time));

    // The cursor resting on the graph: the table shows the values at that time instead.
    const box = await graph.locator('.hover-target').boundingBox();
    if (!box) throw new Error('the graph has no hover area');
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    const atCursor = await readTable(valuesTable(page, 'cursor'));
    expect(atCursor.time).toBeLessThan(atEnd.time);
    expect(atCursor.values).toEqual(await serverValues(EXPR, atCursor.time));
    expect(atCursor.values).not.toEqual(atEnd.values);

    // The link, opened in another browser, shows the same investigation, the cursor's time included.
    await expect.poll(() => new URL(page.url()).searchParams.get('cursor'), { timeout: 10_000 }).toBe(String(atCursor.time));
    const opened = await receiver.newPage();
    await opened.goto(page.url());
    await waitForLines(panel(opened, 'Query 1'), 3);
    // The PromQL editor (CodeMirror, a contenteditable textbox) or, while its chunk loads, a textarea.
    const shownQuery = opened.getByRole('group', { name: 'Query 1' }).getByRole('textbox', { name: 'Query' });
    await expect.poll(() => shownQuery.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent)), { timeout: 30_000 }).toBe(EXPR);
    expect(await readTable(valuesTable(opened, 'cursor'))).toEqual(atCursor);

    await opened.getByRole('group', { name: 'Query 1' }).getByRole('button', { name: 'Add to dashboard' }).click();
    const added = panel(opened, EXPR);
    await waitForLines(added, 3);
    await waitForLines(panel(opened, 'Memory'), 3);
    expect(await drawnLines(added).count()).toBe(3);
  } finally {
    await sender.close();
    await receiver.close();
  }
});

// count_values makes one series per distinct value over the range: the leaking memory, in MiB,
// takes hundreds of values between 590 MiB and 1.6 GiB, so Prometheus answers hundreds of series.
const WIDE_EXPR = 'count_values("mib", round(process_resident_memory_bytes{job="webapp"} / 2^20))';

it('draws only 20 of a query answering hundreds of series, says how many were left out, and keeps answering', async () => {
  const context = await real.browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${real.site.url}/?explore&q=${encodeURIComponent(WIDE_EXPR)}`);
    const graph = panel(page, 'Query 1');
    const note = graph.getByRole('status').filter({ hasText: 'left out' });
    await note.waitFor({ timeout: 60_000 });
    const [, shown, omitted] = /Showing the (\d+) series with the highest maximum; (\d+) more left out/.exec((await note.textContent()) ?? '') ?? [];
    expect(Number(shown)).toBe(20);
    expect(Number(shown) + Number(omitted)).toBeGreaterThanOrEqual(300);
    await waitForLines(graph, 20);
    expect(await drawnLines(graph).count()).toBe(20);

    // The page still answers: moving the range back redraws the graph with the new range's series.
    const before = page.url();
    await page.getByRole('button', { name: /earlier/i }).first().click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toBe(before);
    await note.waitFor({ timeout: 60_000 });
    await waitForLines(graph, 20);
  } finally {
    await context.close();
  }
});
